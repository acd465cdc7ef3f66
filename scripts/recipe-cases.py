#!/usr/bin/env python3
"""One-off helper kept for merges: enables Cases, Archive and Reports in the seed recipes and grants case and report permissions to the SOP roles."""
import json, collections
grants = {
    'konseling-asesmen': {'Staf Konseling & Asesmen': ['ViewCases', 'ManageCases', 'CounselCases', 'SuperviseCases'], 'Dosen Pembimbing Akademik': ['ViewCases'],
                          'Unit Kerja Terkait': ['ViewCases'], 'Pihak Eksternal': []},
    'unipma': {'TU': ['ViewCases', 'ManageCases'], 'Kepala/Sekretaris P2KLLK': ['ViewCases', 'ManageCases', 'SuperviseCases', 'BreakGlass'], 'Konselor': ['ViewCases', 'CounselCases'],
               'Kaprodi': ['ViewCases'], 'Rektorat': ['ViewCases']},
    'ipdn': {'Staf': ['ViewCases', 'ManageCases'], 'Konselor/Psikolog': ['ViewCases', 'CounselCases', 'ManageCases'], 'Kasubbag/Arsiparis': ['ViewCases', 'ManageCases'],
             'Kepala Unit': ['ViewCases', 'ManageCases', 'SuperviseCases', 'BreakGlass'], 'Bagian/Unit Terkait': ['ViewCases'], 'Psikiater': ['ViewCases'],
             'Kepala Biro III': ['ViewCases'], 'Rektor': ['ViewCases']},
    'unpam': {'IT': ['ViewCases', 'ManageCases'], 'Konselor': ['ViewCases', 'CounselCases', 'SuperviseCases']},
    'iuqi': {'Unit Pelaksana': ['ViewCases', 'ManageCases', 'CounselCases'], 'Atasan Unit Kerja': ['ViewCases', 'SuperviseCases']},
}
# Reports (issue 7): the unit head and the leaders read the dashboards.
reports = {
    'konseling-asesmen': ['Staf Konseling & Asesmen'],
    'unipma': ['Kepala/Sekretaris P2KLLK', 'Rektorat'],
    'ipdn': ['Kepala Unit', 'Kepala Biro III', 'Rektor'],
    'unpam': ['Konselor', 'Wakil Rektor III'],
    'iuqi': ['Atasan Unit Kerja', 'Rektor'],
}
for name, roles in grants.items():
    path = f'recipes/{name}.recipe.json'
    d = json.load(open(path), object_pairs_hook=collections.OrderedDict)
    for s in d['steps']:
        if s['name'] == 'features':
            for f in ('Cases', 'Archive', 'Reports'):
                if f not in s['enable']: s['enable'].append(f)
        if s['name'] == 'roles':
            for r in s['roles']:
                granted = roles.get(r['name'], [])
                extra = (['SearchArchive'] if 'ViewCases' in granted else []) + (['ExportArchive', 'ManageArchive'] if 'SuperviseCases' in granted else []) \
                    + (['ViewReports'] if r['name'] in reports[name] else [])
                for p in roles.get(r['name'], []) + extra:
                    if p not in r['permissions']: r['permissions'].append(p)
    open(path, 'w').write(json.dumps(d, ensure_ascii=False, indent=2) + '\n')
