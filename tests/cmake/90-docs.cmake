# User documentation against the code: the manual page documents exactly the
# subcommands registered in src/main.c and is clean for groff; README.md shows
# only commands that exist; the desktop entry passes desktop-file-validate.
foreach(_check manpage readme desktop)
  add_test(NAME docs_${_check}
    COMMAND ${ENJEUX_PYTHON3} ${PROJECT_SOURCE_DIR}/tests/docs/check_docs.py
            --root ${PROJECT_SOURCE_DIR} ${_check})
  set_tests_properties(docs_${_check} PROPERTIES TIMEOUT 60)
endforeach()
