# One golden test (cmake -P): replay a transcript, compare the report JSON with the expected
# file (unified diff on mismatch), and check the verdict: gold passes with >= 90, poor fails.
# Inputs: DESKDRILL, SCENARIO, KIND (gold|poor), TRANSCRIPT, EXPECTED, ACTUAL.
cmake_minimum_required(VERSION 3.25)

execute_process(
  COMMAND ${DESKDRILL} play ${SCENARIO} --transcript ${TRANSCRIPT} --json
  OUTPUT_VARIABLE actual
  ERROR_VARIABLE errors
  RESULT_VARIABLE rc)
file(WRITE ${ACTUAL} "${actual}")

if(NOT rc EQUAL 0 AND NOT rc EQUAL 1)
  message(NOTICE "${errors}")
  message(FATAL_ERROR
    "deskdrill play ${SCENARIO} --transcript ${TRANSCRIPT} --json exited with ${rc} (bad input)")
endif()
string(JSON score ERROR_VARIABLE json_error GET "${actual}" score)
if(json_error)
  message(FATAL_ERROR "the report is not JSON with a `score` (${json_error}):\n${actual}\n${errors}")
endif()
string(JSON passed GET "${actual}" passed)
string(JSON max GET "${actual}" max)

set(problems "")
if(NOT EXISTS ${EXPECTED})
  string(APPEND problems
    "no expected report ${EXPECTED}: run scripts/update-golden.sh ${SCENARIO} and review it\n")
else()
  file(READ ${EXPECTED} expected)
  if(NOT expected STREQUAL actual)
    find_program(DIFF diff)
    if(DIFF)
      execute_process(COMMAND ${DIFF} -u --label expected/${KIND}.expected.json
                              --label actual/${KIND}.json ${EXPECTED} ${ACTUAL}
                      OUTPUT_VARIABLE delta)
    else()
      set(delta "(diff not found) actual report written to ${ACTUAL}")
    endif()
    string(APPEND problems
      "report differs from ${EXPECTED}:\n${delta}\n"
      "If the change is intended, run scripts/update-golden.sh ${SCENARIO} and review the diff.\n")
  endif()
endif()

if(KIND STREQUAL "gold")
  if(NOT passed OR score LESS 90)
    string(APPEND problems "the gold transcript must pass with >= 90 points: got ${score}/${max}, passed=${passed}\n")
  endif()
elseif(KIND STREQUAL "poor")
  if(passed)
    string(APPEND problems "the poor transcript must fail: got ${score}/${max}, passed=${passed}\n")
  endif()
endif()

if(problems)
  # NOTICE prints the text as is (FATAL_ERROR would re-flow the diff into paragraphs).
  message(NOTICE "golden.${SCENARIO}.${KIND}:\n${problems}")
  message(FATAL_ERROR "golden.${SCENARIO}.${KIND} failed")
endif()
message(STATUS "golden.${SCENARIO}.${KIND}: ${score}/${max}, passed=${passed}")
