export {
  ConfigError,
  type ConfigFile,
  configPath,
  loadConfig,
  PROFILE_FIELDS,
  type Profile,
  type ProfileField,
  parseConfig,
  SECRET_FIELDS,
  saveConfig,
  serializeConfig,
  updateConfig,
} from "./config.ts";
export { directoryWarnings, PrivateFileError, readPrivateFile, writePrivateFile } from "./private-file.ts";
export { ProfileError, resolveSettings, type Settings } from "./settings.ts";
