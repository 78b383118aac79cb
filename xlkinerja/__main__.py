from xlkinerja.cli import main

main()
