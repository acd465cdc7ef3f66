#!/usr/bin/env python3
"""Kept for merges (idempotent): enables Programs (and the student directory it takes audiences from) in the
seed recipes of the campuses whose SOPs run programs, declares their program kinds, and grants the permissions."""
import json, collections
kinds = {
    'unipma': [{
        'kode': 'workshop-minat-bakat', 'nama': 'Workshop Minat Bakat', 'jenis': 'workshop', 'sop': 'SOP.P2KLLK-04-B', 'rujukanSop': 'SOP.P2KLLK-04',
        'suratTugas': 'surat-tugas-workshop-minat-bakat', 'suratPemberitahuan': 'surat-pemberitahuan-kaprodi', 'laporan': 'laporan-layanan-minat-bakat',
        'peranPenerus': 'Kaprodi', 'sasaran': 'Mahasiswa semester 3 dan 5', 'sasaranSemester': [3, 5], 'sasaranStatus': 'aktif'}],
    'iuqi': [{
        'kode': 'layanan-minat-bakat-karir', 'nama': 'Sosialisasi Minat, Bakat, dan Karir', 'jenis': 'sosialisasi', 'sop': '28/BK-LMMBK/DOK.IUQI/2020',
        'suratTugas': 'surat-tugas', 'suratPemberitahuan': 'surat-pemberitahuan', 'laporan': 'laporan-kegiatan',
        'peranPenerus': 'Dosen Akademik', 'sasaran': 'Mahasiswa IUQI Bogor', 'sasaranStatus': 'aktif'}],
}
grants = {
    'unipma': {'Kepala/Sekretaris P2KLLK': ['ViewPrograms', 'ManagePrograms', 'TakeAttendance', 'ViewDirectory'], 'Panitia': ['ViewPrograms', 'ManagePrograms', 'TakeAttendance', 'ViewDirectory'],
               'TU': ['ViewPrograms', 'TakeAttendance'], 'Kaprodi': ['ViewPrograms'], 'Rektorat': ['ViewPrograms'], 'Konselor': ['ViewPrograms'],
               'Admin Web': ['ViewDirectory', 'ManageDirectory']},
    'iuqi': {'Unit Pelaksana': ['ViewPrograms', 'ManagePrograms', 'TakeAttendance', 'ViewDirectory'], 'Atasan Unit Kerja': ['ViewPrograms', 'ManagePrograms', 'ViewDirectory'],
             'Dosen Akademik': ['ViewPrograms', 'TakeAttendance'], 'Rektor': ['ViewPrograms'], 'Admin Web': ['ViewDirectory', 'ManageDirectory']},
}
for name, roles in grants.items():
    path = f'recipes/{name}.recipe.json'
    d = json.load(open(path), object_pairs_hook=collections.OrderedDict)
    steps = d['steps']
    for s in steps:
        if s['name'] == 'features':
            for f in ('Directory', 'Programs'):
                if f not in s['enable']: s['enable'].append(f)
        if s['name'] == 'roles':
            for r in s['roles']:
                for p in roles.get(r['name'], []):
                    if p not in r['permissions']: r['permissions'].append(p)
    step = next((s for s in steps if s['name'] == 'programs'), None)
    if step is None:
        step = collections.OrderedDict(name='programs', jenis=[])
        steps.insert(next(i for i, s in enumerate(steps) if s['name'] == 'letters') + 1, step)
    step['jenis'] = kinds[name]
    open(path, 'w').write(json.dumps(d, ensure_ascii=False, indent=2) + '\n')
