# Soak (issue 10): random playthroughs of every shipped scenario through the
# engine, every invariant checked after each decision, the history replayed
# through the save/resume path, the results file checked, memory flat
# (tests/soak/README.md). ENJEUX_SOAK_PLAYS is the number of plays of each
# scenario: 100,000 in a normal build, 10,000 under the sanitizers (where a
# play costs many times more). soak_self_check proves that the checker
# catches each kind of broken invariant.
if(ENJEUX_SANITIZE)
  set(_soak_default 10000)
else()
  set(_soak_default 100000)
endif()
set(ENJEUX_SOAK_PLAYS ${_soak_default} CACHE STRING "Random plays of each scenario in the soak test")
add_executable(soak ${ENJEUX_TESTS_DIR}/soak/soak.c)
target_link_libraries(soak PRIVATE enjeux_core)
enjeux_set_warnings(soak)
add_test(NAME soak COMMAND soak --plays ${ENJEUX_SOAK_PLAYS} WORKING_DIRECTORY ${PROJECT_SOURCE_DIR})
set_tests_properties(soak PROPERTIES TIMEOUT 900)
add_test(NAME soak_self_check COMMAND soak --self-check WORKING_DIRECTORY ${PROJECT_SOURCE_DIR})
# glibc's per-thread cache keeps freed blocks that its heap count reports as
# held: without it the count is exact and the heap check can be tight.
set_tests_properties(soak soak_self_check PROPERTIES ENVIRONMENT "GLIBC_TUNABLES=glibc.malloc.tcache_count=0")
