import { Query } from '@nestjs/cqrs';
import type { RoleGrant } from '#domain';

export interface ViewerView {
  readonly subject: string;
  readonly participantId: string | null;
  readonly displayName: string | null;
  readonly roles: readonly RoleGrant[];
}

/** The signed-in caller as the platform knows them: their token's subject and the participant it is (if registered). */
export class GetViewerQuery extends Query<ViewerView> {
  constructor(
    readonly subject: string,
    readonly participantId: string | null,
  ) {
    super();
  }
}
