# Runs CMD with ARGS (a ;-list) and fails unless it exits with EXPECT and its output matches
# the regular expression MATCH. Used for the deskdrill executable's exit-code tests.
execute_process(COMMAND ${CMD} ${ARGS} RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err
                TIMEOUT 50)
if(NOT "${rc}" STREQUAL "${EXPECT}")
  message(FATAL_ERROR "${CMD} ${ARGS}: exit ${rc}, expected ${EXPECT}\n${out}\n${err}")
endif()
if(DEFINED MATCH AND NOT "${out}${err}" MATCHES "${MATCH}")
  message(FATAL_ERROR "${CMD} ${ARGS}: output does not match '${MATCH}':\n${out}\n${err}")
endif()
message(STATUS "${out}")
