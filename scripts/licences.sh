#!/usr/bin/env bash
# Lists every NuGet package the solution resolves (direct and transitive: the `libraries` of each project's
# obj/project.assets.json after restore) with its version and licence, read from the package's .nuspec in the
# NuGet package folder (a licence expression, or else a licence file or URL, which needs a review below).
#
#   scripts/licences.sh           writes docs/licences.md: the table, the command and date, and the output of
#                                 `dotnet list package --vulnerable --include-transitive` (needs the package source)
#   scripts/licences.sh --check   writes nothing and needs no network: fails if a package is forbidden, has a
#                                 licence nobody reviewed, or is missing from docs/licences.md
#   --assets FILE                 (repeatable) read these project.assets.json files instead of the solution's
#                                 (then docs/licences.md is not compared)
#
# Exit status: 0 fine; 1 a forbidden or unreviewed licence, or docs/licences.md is stale; 2 usage or setup error.
# Forbidden: AGPL, GPL and LGPL (LGPL only "WITH" an exception is allowed), unless an OR offers an allowed choice.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

mode=write
assets=()
docs_check=yes
while (($#)); do
    case "$1" in
        --check) mode=check ;;
        --assets) assets+=("$2"); docs_check=no; shift ;;
        -h | --help) sed -n '2,16p' "$0"; exit 0 ;;
        *) echo "licences.sh: unknown argument $1 (see --help)" >&2; exit 2 ;;
    esac
    shift
done

if ((${#assets[@]} == 0)); then
    mapfile -t projects < <(grep -oE '"[^"]+\.csproj"' CampusKonseling.sln | tr -d '"' | tr '\\' '/')
    for p in "${projects[@]}"; do
        a="$(dirname "$p")/obj/project.assets.json"
        if [[ ! -f $a ]]; then
            if [[ $mode == check ]]; then
                echo "licences.sh: $a is missing; run 'dotnet restore CampusKonseling.sln' first" >&2
                exit 2
            fi
            dotnet restore CampusKonseling.sln >/dev/null
        fi
        assets+=("$a")
    done
fi

table="$(mktemp)"
trap 'rm -f "$table"' EXIT
status=0
python3 - "$mode" "$docs_check" "$table" "${assets[@]}" <<'PY' || status=$?
import json, os, re, sys

mode, docs_check, table_path, assets = sys.argv[1], sys.argv[2] == "yes", sys.argv[3], sys.argv[4:]

# Licences any CampusKonseling deployment may ship (permissive; no copyleft reaching our code).
ALLOWED = {"MIT", "MIT-0", "Apache-2.0", "BSD-2-Clause", "BSD-3-Clause", "MS-PL", "ISC", "Zlib", "PostgreSQL",
           "0BSD", "Unlicense", "BSL-1.0", "CC0-1.0"}
FORBIDDEN = re.compile(r"^(AGPL|GPL|LGPL)", re.I)
# Packages whose nuspec gives no licence expression, each read by a person: "id@version": (licence, why).
REVIEWED = {
    "xunit.abstractions@2.0.3": ("Apache-2.0", "licenseUrl raw.githubusercontent.com/xunit/xunit/master/license.txt is "
                                 "xUnit.net's Apache 2.0 licence; used by the tests only"),
}

def verdict(expr):
    """'ok', 'forbidden' or 'unknown' for an SPDX expression (OR: any choice; AND: all; WITH binds tightest)."""
    tokens = re.findall(r"\(|\)|[^\s()]+", expr)
    pos = 0
    def peek():
        return tokens[pos] if pos < len(tokens) else None
    def take():
        nonlocal pos
        pos += 1
        return tokens[pos - 1]
    def atom():
        if peek() == "(":
            take(); v = either()
            if take() != ")": raise ValueError
            return v
        ident = take()
        if peek() and peek().upper() == "WITH":
            take(); take()  # the exception
            if re.match(r"^LGPL", ident, re.I): return "ok"
            return "unknown"
        ident = ident.rstrip("+")
        if FORBIDDEN.match(ident): return "forbidden"
        return "ok" if ident in ALLOWED else "unknown"
    def both():
        vs = [atom()]
        while peek() and peek().upper() == "AND": take(); vs.append(atom())
        return "forbidden" if "forbidden" in vs else "unknown" if "unknown" in vs else "ok"
    def either():
        vs = [both()]
        while peek() and peek().upper() == "OR": take(); vs.append(both())
        return "ok" if "ok" in vs else "unknown" if "unknown" in vs else "forbidden"
    try:
        v = either()
        return v if pos == len(tokens) else "unknown"
    except (ValueError, IndexError):
        return "unknown"

packages, direct = {}, {}
for path in assets:
    with open(path) as f:
        data = json.load(f)
    folders = list(data.get("packageFolders", {}))
    project = data.get("project", {}).get("restore", {}).get("projectName") or os.path.basename(os.path.dirname(os.path.dirname(path)))
    for fw in data.get("project", {}).get("frameworks", {}).values():
        for dep in fw.get("dependencies", {}):
            direct.setdefault(dep.lower(), set()).add(project)
    for key, lib in data.get("libraries", {}).items():
        if lib.get("type") != "package": continue
        name, version = key.split("/", 1)
        nuspec = next((os.path.join(f, lib["path"], name.lower() + ".nuspec") for f in folders
                       if os.path.exists(os.path.join(f, lib["path"], name.lower() + ".nuspec"))), None)
        packages[(name, version)] = nuspec

rows, problems = [], []
for (name, version), nuspec in sorted(packages.items(), key=lambda p: (p[0][0].lower(), p[0][1])):
    text = open(nuspec, encoding="utf-8-sig").read() if nuspec else ""
    lic = re.search(r'<license\s+type="(\w+)"[^>]*>\s*([^<]*?)\s*</license>', text)
    url = re.search(r"<licenseUrl>\s*([^<]*?)\s*</licenseUrl>", text)
    reviewed = REVIEWED.get(f"{name}@{version}")
    if nuspec is None:
        licence, how, state = "?", "no .nuspec in the package folder (restore first)", "unknown"
    elif lic and lic.group(1) == "expression":
        licence, how, state = lic.group(2), "nuspec expression", verdict(lic.group(2))
    elif reviewed:
        licence, how, state = reviewed[0], "reviewed: " + reviewed[1], verdict(reviewed[0])
    elif lic:
        licence, how, state = "file " + lic.group(2), "nuspec licence file, not reviewed", "unknown"
    else:
        licence, how, state = (url.group(1) if url else "none"), "nuspec licenseUrl, not reviewed", "unknown"
    if state == "forbidden":
        problems.append(f"FORBIDDEN {name} {version}: {licence} ({how})")
    elif state == "unknown":
        problems.append(f"UNREVIEWED {name} {version}: {licence} ({how}); review it and add it to REVIEWED in scripts/licences.sh")
    used = ", ".join(sorted(direct.get(name.lower(), []))) or "transitive"
    rows.append(f"| {name} | {version} | {licence} | {how} | {used} |")

with open(table_path, "w") as f:
    f.write(f"{len(rows)} {sum(1 for (n, _) in packages if n.lower() in direct)}\n")
    f.write("\n".join(rows) + "\n")

if mode == "check" and docs_check and os.path.exists("docs/licences.md"):
    listed = open("docs/licences.md").read()
    for (name, version) in sorted(packages):
        if f"| {name} | {version} |" not in listed:
            problems.append(f"STALE docs/licences.md does not list {name} {version}; run scripts/licences.sh")
elif mode == "check" and docs_check:
    problems.append("STALE docs/licences.md is missing; run scripts/licences.sh")

for p in problems: print("licences.sh: " + p, file=sys.stderr)
print(f"licences.sh: {len(packages)} packages from {len(assets)} projects, {len(problems)} problem(s)", file=sys.stderr)
sys.exit(1 if problems else 0)
PY

[[ $mode == check ]] && exit "$status"
if ((status == 1)); then
    echo "licences.sh: not writing docs/licences.md while a licence is forbidden or unreviewed" >&2
    exit 1
fi
((status == 0)) || exit "$status"

# Vulnerabilities, as NuGet's configured source reports them. A package known to be affected
# (GHSA-59j7-ghrg-fj52, CVE-2024-21319) is listed in a scratch project as a control: if it is not
# reported either, the source gives no vulnerability data and the listing proves nothing.
vuln="$(dotnet list CampusKonseling.sln package --vulnerable --include-transitive 2>&1)" || true
control_dir="$(mktemp -d)"
cat >"$control_dir/control.csproj" <<'XML'
<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup><TargetFramework>net10.0</TargetFramework><NuGetAudit>false</NuGetAudit></PropertyGroup>
  <ItemGroup><PackageReference Include="Microsoft.IdentityModel.JsonWebTokens" Version="6.8.0" /></ItemGroup>
</Project>
XML
if dotnet restore "$control_dir/control.csproj" >/dev/null 2>&1; then
    control_out="$(dotnet list "$control_dir/control.csproj" package --vulnerable --include-transitive 2>&1)" || true
    if grep -q "Microsoft.IdentityModel.JsonWebTokens" <<<"$control_out"; then
        control="The control package Microsoft.IdentityModel.JsonWebTokens 6.8.0 (GHSA-59j7-ghrg-fj52) **is** reported by the same command, so the source does serve vulnerability data and the listing above can be trusted."
    else
        control="**The vulnerability source is not reachable here:** the same command, run on a scratch project with Microsoft.IdentityModel.JsonWebTokens 6.8.0 — a version inside advisory GHSA-59j7-ghrg-fj52 (CVE-2024-21319) — also printed \"no vulnerable packages given the current sources\". The package source these machines use serves no vulnerability data, so the listing above is **not** evidence that no package is vulnerable. Run \`scripts/licences.sh\` where nuget.org is reachable (or check the versions above against GitHub's advisory database) before a release."
    fi
else
    control="The control package (Microsoft.IdentityModel.JsonWebTokens 6.8.0) could not be restored, so whether the source serves vulnerability data is unknown; treat the listing above as unverified."
fi
rm -rf "$control_dir"

read -r count direct_count <"$table"
{
    echo "# Licences of the NuGet packages"
    echo
    echo "Made by \`scripts/licences.sh\` on $(date -u +%F) from the restored \`obj/project.assets.json\` of every"
    echo "project in \`CampusKonseling.sln\`: $count packages, $direct_count referenced directly, the rest transitively."
    echo "Licences come from each package's \`.nuspec\` in the NuGet package folder. \`scripts/licences.sh --check\`"
    echo "(run by \`tests/CampusKonseling.Tests/Architecture/LicenceTests.cs\`) fails on an AGPL, GPL or LGPL (without"
    echo "exception) package, on a licence that is neither an allowed expression nor reviewed in the script, and when"
    echo "this page no longer lists every resolved package. Regenerate it with \`scripts/licences.sh\` after changing"
    echo "\`Directory.Packages.props\`."
    echo
    echo "Files of other projects embedded in packages and served to browsers: swagger-ui (Apache-2.0), inside"
    echo "Swashbuckle.AspNetCore.SwaggerUI, for each campus's API reference page; its licence is served beside it at"
    echo "\`/{kampus}/_api-referensi/swagger-ui/LICENSE\`. No font, script or stylesheet is loaded from elsewhere."
    echo
    echo "| Package | Version | Licence | How known | Referenced directly by |"
    echo "|---|---|---|---|---|"
    tail -n +2 "$table"
    echo
    echo "## Known vulnerabilities"
    echo
    echo "\`dotnet list CampusKonseling.sln package --vulnerable --include-transitive\`, on $(date -u +%F):"
    echo
    echo '```'
    echo "$vuln"
    echo '```'
    echo
    echo "$control"
} >docs/licences.md
echo "licences.sh: wrote docs/licences.md ($count packages)"
