// fs-extra is listed in package.json because @microsoft/app-manifest requires it without declaring it.
// Validates a JSON app manifest against the published schema its $schema names, from the copy that ships in
// @microsoft/app-manifest (no network: the lookup must find the local copy, else this fails).
const fs = require("fs");
const { AppManifestUtils } = require("@microsoft/app-manifest/build/generated-types");
(async () => {
  const manifest = JSON.parse(fs.readFileSync(process.argv[2], "utf8"));
  const suffix = AppManifestUtils.getLocalSchemaSuffix(manifest.$schema);
  if (!suffix) { console.log("NO LOCAL SCHEMA for " + manifest.$schema); process.exit(3); }
  const failures = await AppManifestUtils.validateAgainstSchema(manifest);
  if (failures.length) { console.log("INVALID\n" + failures.join("\n")); process.exit(1); }
  console.log("VALID against " + manifest.$schema);
})().catch(e => { console.error("ERROR " + e.message); process.exit(2); });
