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
export {
  createPrivateFile,
  directoryWarnings,
  PrivateFileError,
  readPrivateFile,
  writePrivateFile,
} from "./private-file.ts";
export { clientOptionsOf, ProfileError, resolveSettings, type Settings } from "./settings.ts";
