import type { OfficialsToInform } from '../contracts/territory';

/**
 * Where the visits find the elected officials to inform: the territorial reference
 * (`TerritoryService.officialsToInform`), bound in press.module.ts.
 */
export const OFFICIALS_SOURCE = Symbol('OFFICIALS_SOURCE');

export interface OfficialsSource {
  officialsToInform(communeInsees: string[]): Promise<OfficialsToInform>;
}
