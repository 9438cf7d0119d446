# The C and Python examples print the statuses the CLI prints for the seed plan.
# CLI: the planeval executable; DATA: examples/data/changning-2021; PROGRAMS: '|'-separated
# commands (each a ';'-free command line whose words are separated by '!'), run as
# `<command> DATA en`, printing `indicator<TAB>status<TAB>…` lines.
execute_process(
  COMMAND ${CLI} evaluate --indicators ${DATA}/indicators.csv
    --actuals ${DATA}/actuals-illustrative.csv --references ${DATA}/references-illustrative.csv
    --format json
  OUTPUT_VARIABLE json ERROR_VARIABLE err RESULT_VARIABLE rc)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "planeval evaluate failed (${rc}): ${err}")
endif()
string(JSON n LENGTH "${json}" assessments)
set(expected "")
math(EXPR last "${n} - 1")
foreach(i RANGE ${last})
  string(JSON id GET "${json}" assessments ${i} indicator)
  string(JSON st GET "${json}" assessments ${i} status)
  string(APPEND expected "${id} ${st}\n")
endforeach()
if(n LESS 20)
  message(FATAL_ERROR "the CLI gave only ${n} assessments")
endif()

string(REPLACE "|" ";" programs "${PROGRAMS}")
foreach(program IN LISTS programs)
  string(REPLACE "!" ";" command "${program}")
  execute_process(COMMAND ${command} ${DATA} en
    OUTPUT_VARIABLE out ERROR_VARIABLE err RESULT_VARIABLE rc)
  if(NOT rc EQUAL 0)
    message(FATAL_ERROR "${program} failed (${rc}): ${err}")
  endif()
  string(REPLACE "\n" ";" lines "${out}")
  set(got "")
  foreach(line IN LISTS lines)
    if(line MATCHES "^([a-z0-9_]+)\t([a-z_]+)\t")
      string(APPEND got "${CMAKE_MATCH_1} ${CMAKE_MATCH_2}\n")
    endif()
  endforeach()
  if(NOT got STREQUAL expected)
    message(FATAL_ERROR "${program} prints other statuses than the CLI.\nCLI:\n${expected}\n"
                        "${program}:\n${got}")
  endif()
  message(STATUS "${program}: the same ${n} statuses as the CLI")
endforeach()
