import { parseSmsReply } from './acknowledgements.service';

describe('SMS replies', () => {
  it('reads OK with or without a reply code', () => {
    expect(parseSmsReply('OK')).toEqual({ code: null });
    expect(parseSmsReply(' ok ')).toEqual({ code: null });
    expect(parseSmsReply('Ok.')).toEqual({ code: null });
    expect(parseSmsReply('OK 4821')).toEqual({ code: '4821' });
    expect(parseSmsReply('ok4821')).toEqual({ code: '4821' });
    expect(parseSmsReply('OK - 4821 !')).toEqual({ code: '4821' });
  });

  it('ignores anything else', () => {
    for (const text of ['', 'KO', 'pas OK', 'OK mais je ne peux pas venir', 'OK 12', 'OK 123456', 'STOP']) {
      expect(parseSmsReply(text)).toBeNull();
    }
  });
});
