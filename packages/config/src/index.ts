export { ConfigError, type ConfigFile, configPath, loadConfig, type Profile, parseConfig } from "./config.ts";
export { ProfileError, resolveSettings, type Settings } from "./settings.ts";
