import { classifySmtpError } from './email.provider';
import { classifyGatewayStatus } from './gateway.provider';
import { PermanentDeliveryError, TemporaryDeliveryError } from './provider';
import { classifyPushStatus } from './push.provider';

describe('provider error classification', () => {
  it('SMTP: 5xx replies are permanent; 4xx and network errors are retried', () => {
    expect(classifySmtpError({ responseCode: 550, response: '550 Mailbox unavailable', message: 'x' })).toBeInstanceOf(PermanentDeliveryError);
    expect(classifySmtpError({ responseCode: 451, message: 'try later' })).toBeInstanceOf(TemporaryDeliveryError);
    expect(classifySmtpError({ code: 'ECONNECTION', message: 'connect ECONNREFUSED' })).toBeInstanceOf(TemporaryDeliveryError);
    expect(classifySmtpError({ code: 'EENVELOPE', message: 'No recipients defined' })).toBeInstanceOf(PermanentDeliveryError);
  });

  it('gateway: 4xx is permanent (bad number) but 408/429; 5xx is retried', () => {
    expect(classifyGatewayStatus(400, 'invalid number')).toBeInstanceOf(PermanentDeliveryError);
    expect(classifyGatewayStatus(404, '')).toBeInstanceOf(PermanentDeliveryError);
    expect(classifyGatewayStatus(408, '')).toBeInstanceOf(TemporaryDeliveryError);
    expect(classifyGatewayStatus(429, '')).toBeInstanceOf(TemporaryDeliveryError);
    expect(classifyGatewayStatus(503, '')).toBeInstanceOf(TemporaryDeliveryError);
    expect(classifyGatewayStatus(400, 'invalid number').message).toBe('Passerelle : HTTP 400 invalid number');
  });

  it('push: 404/410 mean the subscription is gone, 429/5xx are retried', () => {
    expect([201, 404, 410, 413, 429, 500].map(classifyPushStatus)).toEqual(['sent', 'gone', 'gone', 'refused', 'temporary', 'temporary']);
  });
});
