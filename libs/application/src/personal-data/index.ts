export * from './personal-data-vault.js';
export * from './erase-personal-data.js';
