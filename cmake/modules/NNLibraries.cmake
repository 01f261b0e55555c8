# Finds nn-mlir's own targets by walking the directory tree, so that a library
# or tool added later is picked up by the plugins, the install rules and the
# CMake package without anyone having to list it here.

# Appends to <out> every target of one of <types> (e.g. STATIC_LIBRARY,
# EXECUTABLE) defined in source directory <dir> or below it.
function(nn_collect_targets out dir)
  set(result ${${out}})
  get_property(targets DIRECTORY "${dir}" PROPERTY BUILDSYSTEM_TARGETS)
  foreach(target IN LISTS targets)
    get_target_property(type ${target} TYPE)
    if(type IN_LIST ARGN)
      list(APPEND result ${target})
    endif()
  endforeach()
  get_property(subdirs DIRECTORY "${dir}" PROPERTY SUBDIRECTORIES)
  foreach(subdir IN LISTS subdirs)
    nn_collect_targets(result "${subdir}" ${ARGN})
  endforeach()
  set(${out} ${result} PARENT_SCOPE)
endfunction()

# Sets <out> to the nn libraries (add_mlir_*_library targets under lib/).
# EXCLUDE <group>...: skip the libraries of these groups (see
# nn_library_group).
function(nn_get_libraries out)
  cmake_parse_arguments(ARG "" "" "EXCLUDE" ${ARGN})
  set(candidates)
  nn_collect_targets(candidates "${NN_SOURCE_DIR}/lib" STATIC_LIBRARY SHARED_LIBRARY)
  set(result)
  foreach(lib IN LISTS candidates)
    nn_library_group(group ${lib})
    if(NOT group IN_LIST ARG_EXCLUDE)
      list(APPEND result ${lib})
    endif()
  endforeach()
  set(${out} ${result} PARENT_SCOPE)
endfunction()

# Sets <out> to the group of library <lib>: the first folder of its path under
# lib/ (Dialect, Analysis, Conversion, Target, CAPI, ...). The CMake package
# offers one NNMLIR::<group> target per group.
function(nn_library_group out lib)
  get_target_property(dir ${lib} SOURCE_DIR)
  file(RELATIVE_PATH rel "${NN_SOURCE_DIR}/lib" "${dir}")
  string(REGEX REPLACE "/.*" "" group "${rel}")
  set(${out} ${group} PARENT_SCOPE)
endfunction()

# Sets <out> to what <lib> links besides other nn libraries and the MLIR/LLVM
# libraries (which libMLIR.so and libLLVM.so provide), e.g. flatbuffers.
function(nn_get_external_link_libraries out lib all_nn_libs)
  get_target_property(deps ${lib} LINK_LIBRARIES)
  set(result)
  foreach(dep IN LISTS deps)
    if(NOT dep OR dep IN_LIST all_nn_libs)
      continue()
    endif()
    if(TARGET ${dep})
      get_target_property(imported ${dep} IMPORTED)
      if(imported AND dep MATCHES "^(MLIR|LLVM)")
        continue()
      endif()
    endif()
    list(APPEND result ${dep})
  endforeach()
  set(${out} ${result} PARENT_SCOPE)
endfunction()

# Links <target> (and its object library) with every nn library except those
# of the EXCLUDE groups. Call it deferred to the end of the top-level
# directory (cmake_language(DEFER DIRECTORY ${NN_SOURCE_DIR} CALL ...)) so
# that every library exists by then.
function(nn_link_all_libraries target)
  nn_get_libraries(libs ${ARGN})
  get_target_property(linked ${target} LINK_LIBRARIES)
  if(linked)
    list(REMOVE_ITEM libs ${linked})
  endif()
  if(NOT libs)
    return()
  endif()
  target_link_libraries(${target} PUBLIC ${libs})
  if(TARGET obj.${target})
    # Their generated headers (pass declarations) must exist first.
    add_dependencies(obj.${target} ${libs})
  endif()
endfunction()
