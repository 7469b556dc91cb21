from tread.cli import main

main()
