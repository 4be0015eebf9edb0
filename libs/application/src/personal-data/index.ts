export * from './personal-data-vault.js';
export * from './personal-data-access.js';
