/** Nest injection tokens for what the platform composes (the api and the CLI bind them). */
export const PLATFORM_CONFIG = Symbol('PLATFORM_CONFIG');
export const LOGGER = Symbol('LOGGER');
export const READ_MODELS = Symbol('READ_MODELS');
export const PROJECTION_RUNNER = Symbol('PROJECTION_RUNNER');
export const PLATFORM = Symbol('PLATFORM');
