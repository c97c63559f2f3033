import type { AuthUser } from '../common/auth-user';
import { dueState } from '../common/workflow/due-dates';
import type { Intervention as InterventionDto } from '../contracts/interventions';
import { Intervention } from './intervention.entity';
import {
  INTERVENTION_WORKFLOW,
  interventionActor,
  interventionScope,
} from './intervention-workflow';

export const OPEN_STATUSES = INTERVENTION_WORKFLOW.openStates;

/**
 * The intervention as `user` may see it: a service never sees the official of a confidential
 * one (restreinte), and gets the moves it may make.
 */
export function toInterventionDto(
  item: Intervention,
  user: AuthUser | null,
  reminderDaysBefore: readonly number[],
  now: Date,
): InterventionDto {
  const scope = user ? interventionScope(user) : { all: true as const };
  const hideOfficial = !scope.all && item.confidentiality === 'restreinte';
  const open = OPEN_STATUSES.includes(item.status);
  const actor = user ? interventionActor(user, item) : null;
  return {
    id: item.id,
    reference: item.reference,
    receivedOn: item.receivedOn,
    channel: item.channel,
    official: hideOfficial
      ? null
      : {
          id: item.official.id,
          name: item.official.name,
          function: item.official.function,
          title: item.official.title,
          communeInsee: item.official.communeInsee,
        },
    beneficiaryKind: item.beneficiaryKind,
    beneficiaryName: item.beneficiaryName,
    beneficiaryCommuneInsee: item.beneficiaryCommuneInsee,
    theme: item.theme,
    subject: item.subject,
    caseReference: item.caseReference,
    serviceId: item.serviceId,
    serviceName: item.service?.name ?? null,
    transmittedOn: item.transmittedOn,
    dueDate: item.dueDate,
    dueState:
      item.dueDate && item.status === 'transmise'
        ? dueState(item.dueDate, now, { daysBefore: reminderDaysBefore })
        : null,
    elementsReceivedOn: item.elementsReceivedOn,
    signatory: item.signatory,
    status: item.status,
    ackSentOn: item.ackSentOn,
    holdingReplySentOn: item.holdingReplySentOn,
    finalReplySentOn: item.finalReplySentOn,
    outcome: item.outcome,
    confidentiality: item.confidentiality,
    escalatedAt: item.escalatedAt?.toISOString() ?? null,
    closedAt: item.closedAt?.toISOString() ?? null,
    version: item.version,
    createdAt: item.createdAt.toISOString(),
    allowedTransitions: open && actor ? INTERVENTION_WORKFLOW.allowed(item.status, actor) : [],
  };
}
