#!/usr/bin/env bash
# Writes (or brings up to date) the translation documents of one language for every shipped module:
# parts already translated from the current English are kept, every other part holds the English text
# behind "TODO-TRANSLATE: ", which the language bundle's build refuses until it is translated.
# Needs the project built once (mvn -B -DskipTests install, or the README's first command).
# Usage: bundles/l10n/translation-skeleton.sh LANG   (e.g. zh-Hans)
set -euo pipefail
cd "$(dirname "$0")/../.."
lang=${1:?usage: bundles/l10n/translation-skeleton.sh LANG}
cp_file=bundles/catalog/target/skeleton.classpath
[ -f "$cp_file" ] || mvn -B -q -pl bundles/catalog dependency:build-classpath -Dmdep.outputFile=target/skeleton.classpath >/dev/null
classpath="bundles/catalog/target/classes:bundles/catalog/target/test-classes:bundles/model/target/classes:$(cat "$cp_file")"
out="bundles/l10n/$lang/src/main/resources/l10n"
mkdir -p "$out"
for module in bundles/content/*/src/main/resources/content/*.json; do
  id=$(basename "$module" .json)
  target="$out/$id.$lang.json"
  java -cp "$classpath" org.careleaf.catalog.internal.TranslationSkeleton "$module" "$lang" "$target" "$target"
done
