/** The catalogue reader (plans, stakeholders, commitments, history); the host binds it to the read-model file. */
export const CATALOGUE = Symbol('CATALOGUE');
