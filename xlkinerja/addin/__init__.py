"""The Excel add-in xlkinerja.xlam, built on any OS without Excel (issue 12).

From the bottom: `ovba` compresses VBA streams ([MS-OVBA] 2.4.1), `cfb` writes the compound
file that holds them ([MS-CFB]), `dirstream` reads and writes the VBA/dir records,
`project` makes a vbaProject.bin from modules, `modules` and `references` take what the
installed xlwings provides (its VBA, and the references of its Excel-saved add-in),
`command` and `ribbon` say what the buttons run, `package` writes the OOXML parts, and
`build.build_addin(output_dir)` puts it all together (macros/README.md tells what the
add-in holds and which settings it reads).
"""
