#!/usr/bin/env python3
"""Generates a hospital-sized Careleaf library as data bundles, for the scale benchmarks.

Each generated module is a copy of one of the shipped mpc modules (so its size and shape are real) under
a new id (gen-00000 ...), pack and order; each translation is a copy of that module's shipped Spanish
translation under a new language tag, so every translation is complete and current. Nothing generated is
ever committed: the bundles go to the folder given.

  bench/generate-library.py OUT --modules 10000 --languages 15 --per-bundle 100 [--plain]

--per-bundle sets how many modules (and, per language, translations) one bundle carries: 1 is the
hospital's unit of swapping, 100 or more is a vendor-sized import. --plain writes the same bundles without
the Careleaf headers, so Karaf installs and starts them but Careleaf ignores them (Karaf's own cost).
"""
import argparse
import json
import os
import sys
import zipfile

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
SHIPPED = ["mpc-overview", "mpc-outlook", "mpc-hormone-therapy", "mpc-chemotherapy", "mpc-radiation",
           "mpc-bone-health", "mpc-targeted-immunotherapy", "mpc-living-well", "mpc-clinical-trials"]
# fifteen translated languages besides English, as the catalog work's target names them
LANGUAGES = ["es", "zh-Hans", "zh-Hant", "tl", "vi", "ko", "ru", "fr", "de", "ar", "it", "pt", "ht", "pl", "ja"]


def load(path):
    with open(path, encoding="utf-8") as f:
        return json.load(f)


def manifest(bsn, header, folder, plain):
    lines = ["Manifest-Version: 1.0", "Bundle-ManifestVersion: 2", "Bundle-SymbolicName: " + bsn,
             "Bundle-Version: 1.0.0"]
    if not plain:
        lines.append(header + ": " + folder)
    return "\r\n".join(lines) + "\r\n\r\n"


def write_bundle(path, bsn, header, folder, files, plain):
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("META-INF/MANIFEST.MF", manifest(bsn, header, folder, plain))
        for name, data in files.items():
            z.writestr(folder + "/" + name, data)


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("out")
    p.add_argument("--modules", type=int, default=100)
    p.add_argument("--languages", type=int, default=15)
    p.add_argument("--per-bundle", type=int, default=1)
    p.add_argument("--plain", action="store_true")
    a = p.parse_args()
    os.makedirs(a.out, exist_ok=True)
    english, spanish, figures = [], [], []
    for mid in SHIPPED:
        folder = os.path.join(ROOT, "bundles", "content", mid, "src", "main", "resources", "content")
        english.append(load(os.path.join(folder, mid + ".json")))
        spanish.append(load(os.path.join(ROOT, "bundles", "l10n", "es", "src", "main", "resources", "l10n",
                                         mid + ".es.json")))
        figs = {}
        fig_dir = os.path.join(folder, "figures")
        if os.path.isdir(fig_dir):
            for f in sorted(os.listdir(fig_dir)):
                with open(os.path.join(fig_dir, f), "rb") as fh:
                    figs["figures/" + f] = fh.read()
        figures.append(figs)
    langs = LANGUAGES[:a.languages]
    bundles = 0
    for start in range(0, a.modules, a.per_bundle):
        files = {}
        for i in range(start, min(start + a.per_bundle, a.modules)):
            m = dict(english[i % len(SHIPPED)])
            m["id"] = "gen-%05d" % i
            m["pack"] = "gen%02d" % (i % 20)
            m["order"] = i
            m["version"] = "1.0.0"
            files[m["id"] + ".json"] = json.dumps(m, ensure_ascii=False).encode("utf-8")
            files.update(figures[i % len(SHIPPED)])
        write_bundle(os.path.join(a.out, "gen-content-%05d.jar" % start), "org.careleaf.gen.content.c%05d" % start,
                     "Careleaf-Content", "content", files, a.plain)
        bundles += 1
        for lang in langs:
            files = {}
            for i in range(start, min(start + a.per_bundle, a.modules)):
                t = dict(spanish[i % len(SHIPPED)])
                t["module"] = "gen-%05d" % i
                t["locale"] = lang
                files["gen-%05d.%s.json" % (i, lang)] = json.dumps(t, ensure_ascii=False).encode("utf-8")
            write_bundle(os.path.join(a.out, "gen-l10n-%s-%05d.jar" % (lang, start)),
                         "org.careleaf.gen.l10n.%s.c%05d" % (lang.replace("-", ""), start),
                         "Careleaf-Localisation", "l10n", files, a.plain)
            bundles += 1
    print("%d bundles: %d modules in %d languages, %d per bundle%s" % (
        bundles, a.modules, len(langs) + 1, a.per_bundle, " (plain, no Careleaf headers)" if a.plain else ""))


if __name__ == "__main__":
    sys.exit(main())
