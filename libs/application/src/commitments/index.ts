export * from './commitment-stream.js';
export * from './make-commitment/make-commitment.js';
export * from './activate-commitment/activate-commitment.js';
export * from './revise-commitment/revise-commitment.js';
export * from './withdraw-commitment/withdraw-commitment.js';
export * from './complete-commitment/complete-commitment.js';
