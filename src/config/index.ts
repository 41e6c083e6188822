export { expandPath } from './checks.ts';
export { ConfigError, type LoadedConfig, loadConfig } from './load.ts';
export { configPath, defaultConfigPath, onlyDefaults } from './location.ts';
export { flattenConfig, maskConfig, maskSecret, maskUrl } from './mask.ts';
export { ENV_OVERRIDES } from './overrides.ts';
export { policyFromConfig } from './policy.ts';
export { findPreset, PROVIDER_PRESETS, type ProviderPreset } from './presets.ts';
export { CONFIG_TEMPLATE } from './template.ts';
export type * from './types.ts';
