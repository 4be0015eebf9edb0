/** The catalogue reader (plans, stakeholders, commitments; display names for the audit trail); the host binds it to the read-model file. */
export const CATALOGUE = Symbol('CATALOGUE');
