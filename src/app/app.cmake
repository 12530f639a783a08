# The page (Emscripten only): target overdue-lens-app → ${CMAKE_BINARY_DIR}/web/overdue-lens-app.{js,wasm,data}
# next to copies of web/*, so `python3 -m http.server --directory build/wasm/web` serves it.
# Included by the top CMakeLists.txt when building with emcmake.

set(OL_IMGUI_DIR ${OL_DEPS_DIR}/imgui)
set(OL_WEB_OUT ${CMAKE_BINARY_DIR}/web)

# [SECTION] fonts: cut from Debian's packages at build time (never committed) ---------------------
# scripts/subset_fonts.py splits DejaVuSans and DroidSansFallbackFull in two parts each: latin.ttf +
# cjk.ttf are written into the wasm file system before main() (web/glue.js), latin-rare.ttf +
# cjk-rare.ttf are fetched after the start screen is up and merged then (src/app/fonts.cpp): the
# start-up download stays under 3 MB (issue #7) and no glyph of the full fonts is lost. Static files
# beside the page, so the single offline file embeds the same bytes (scripts/build_single.py).
# fontTools is Debian's (python3-fonttools) and lives in /usr/bin/python3, not in a pyenv python3.
set(OL_FONT_PYTHON /usr/bin/python3)
set(OL_FONT_DIR ${OL_WEB_OUT}/fonts)
set(OL_FONT_SOURCES /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf
                    /usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf)
foreach(font ${OL_FONT_SOURCES})
  if(NOT EXISTS ${font})
    message(FATAL_ERROR "${font} is missing: run scripts/setup.sh (fonts-dejavu-core, fonts-droid-fallback)")
  endif()
endforeach()
execute_process(COMMAND ${OL_FONT_PYTHON} -c "import fontTools" RESULT_VARIABLE OL_FONTTOOLS_MISSING
                OUTPUT_QUIET ERROR_QUIET)
if(OL_FONTTOOLS_MISSING)
  message(FATAL_ERROR "fontTools is missing from ${OL_FONT_PYTHON}: run scripts/setup.sh (python3-fonttools); "
                      "the fonts are subset at build time by scripts/subset_fonts.py")
endif()
set(OL_FONT_FILES ${OL_FONT_DIR}/latin.ttf ${OL_FONT_DIR}/cjk.ttf ${OL_FONT_DIR}/latin-rare.ttf ${OL_FONT_DIR}/cjk-rare.ttf)
add_custom_command(OUTPUT ${OL_FONT_FILES}
                   COMMAND ${OL_FONT_PYTHON} ${CMAKE_SOURCE_DIR}/scripts/subset_fonts.py build ${OL_FONT_SOURCES} ${OL_FONT_DIR}
                   DEPENDS ${CMAKE_SOURCE_DIR}/scripts/subset_fonts.py ${OL_FONT_SOURCES}
                   COMMENT "Subsetting the fonts (start-up and rare parts)")
# Every non-ASCII character of a string literal (the string table, the page's texts) must be in the
# start-up fonts: checked on every change of a source, cheap (cmaps only), fails the build if not.
file(GLOB_RECURSE OL_FONT_TEXT_SOURCES CONFIGURE_DEPENDS ${CMAKE_SOURCE_DIR}/src/*.cpp ${CMAKE_SOURCE_DIR}/src/*.hpp
     ${CMAKE_SOURCE_DIR}/include/*.hpp)
set(OL_FONT_STAMP ${CMAKE_BINARY_DIR}/font_coverage.stamp)
add_custom_command(OUTPUT ${OL_FONT_STAMP}
                   COMMAND ${OL_FONT_PYTHON} ${CMAKE_SOURCE_DIR}/scripts/subset_fonts.py check ${OL_FONT_DIR} ${OL_FONT_STAMP}
                           ${CMAKE_SOURCE_DIR}/src ${CMAKE_SOURCE_DIR}/include
                   DEPENDS ${CMAKE_SOURCE_DIR}/scripts/subset_fonts.py ${OL_FONT_FILES} ${OL_FONT_TEXT_SOURCES}
                   COMMENT "Checking that the start-up fonts cover the page's texts")
add_custom_target(overdue-lens-fonts DEPENDS ${OL_FONT_FILES} ${OL_FONT_STAMP})

# [SECTION] demo ledger: generated with a fixed seed, fetched by the page only on "Load demo" ---
set(OL_DEMO_DIR ${OL_WEB_OUT}/demo)
set(OL_DEMO_FILES ${OL_DEMO_DIR}/invoices.csv ${OL_DEMO_DIR}/payments.csv ${OL_DEMO_DIR}/contacts.csv)
add_custom_command(OUTPUT ${OL_DEMO_FILES}
                   COMMAND python3 ${CMAKE_SOURCE_DIR}/scripts/gen_demo.py ${OL_DEMO_DIR}
                   DEPENDS ${CMAKE_SOURCE_DIR}/scripts/gen_demo.py ${CMAKE_SOURCE_DIR}/scripts/gen_receivables.py
                   COMMENT "Generating the demo ledger")
# The model lab's demo: the UCI credit-card accounts (CC BY 4.0, data/demo/README.md), copied.
add_custom_command(OUTPUT ${OL_DEMO_DIR}/uci_credit_card.csv
                   COMMAND ${CMAKE_COMMAND} -E copy ${CMAKE_SOURCE_DIR}/data/demo/uci_credit_card.csv ${OL_DEMO_DIR}/uci_credit_card.csv
                   DEPENDS ${CMAKE_SOURCE_DIR}/data/demo/uci_credit_card.csv
                   COMMENT "Copying the credit-card demo")
add_custom_target(overdue-lens-demo ALL DEPENDS ${OL_DEMO_FILES} ${OL_DEMO_DIR}/uci_credit_card.csv)

# [SECTION] web shell: web/* copied beside the generated JS ------------------------------------
file(GLOB OL_WEB_SOURCES CONFIGURE_DEPENDS ${CMAKE_SOURCE_DIR}/web/*)
set(OL_WEB_COPIES "")
foreach(src ${OL_WEB_SOURCES})
  get_filename_component(name ${src} NAME)
  if(name STREQUAL "index.html")
    continue()  # written below, with the report's stylesheet hash in its CSP
  endif()
  add_custom_command(OUTPUT ${OL_WEB_OUT}/${name}
                     COMMAND ${CMAKE_COMMAND} -E make_directory ${OL_WEB_OUT}
                     COMMAND ${CMAKE_COMMAND} -E copy_if_different ${src} ${OL_WEB_OUT}/${name}
                     DEPENDS ${src}
                     COMMENT "Copying web/${name}")
  list(APPEND OL_WEB_COPIES ${OL_WEB_OUT}/${name})
endforeach()
# index.html: its Content-Security-Policy allows the HTML report's stylesheet by its hash, for the
# report opened in a new tab from a Blob (issue #22 §6; scripts/page_csp.py).
add_custom_command(OUTPUT ${OL_WEB_OUT}/index.html
                   COMMAND ${CMAKE_COMMAND} -E make_directory ${OL_WEB_OUT}
                   COMMAND python3 ${CMAKE_SOURCE_DIR}/scripts/page_csp.py ${CMAKE_SOURCE_DIR}/web/index.html
                           ${CMAKE_SOURCE_DIR}/src/core/report/html_report.cpp ${OL_WEB_OUT}/index.html
                   DEPENDS ${CMAKE_SOURCE_DIR}/scripts/page_csp.py ${CMAKE_SOURCE_DIR}/web/index.html
                           ${CMAKE_SOURCE_DIR}/src/core/report/html_report.cpp
                   COMMENT "Writing index.html with the report's stylesheet hash in its CSP")
list(APPEND OL_WEB_COPIES ${OL_WEB_OUT}/index.html)
add_custom_target(overdue-lens-web ALL DEPENDS ${OL_WEB_COPIES})

# [SECTION] Dear ImGui (source from Debian sid, build/_deps/imgui) ------------------------------
add_library(overdue_imgui STATIC
  ${OL_IMGUI_DIR}/imgui.cpp ${OL_IMGUI_DIR}/imgui_draw.cpp ${OL_IMGUI_DIR}/imgui_tables.cpp
  ${OL_IMGUI_DIR}/imgui_widgets.cpp ${OL_IMGUI_DIR}/backends/imgui_impl_glfw.cpp
  ${OL_IMGUI_DIR}/backends/imgui_impl_opengl3.cpp)
target_include_directories(overdue_imgui PUBLIC ${OL_IMGUI_DIR} ${OL_IMGUI_DIR}/backends)
target_compile_options(overdue_imgui PRIVATE -O3)

# [SECTION] the app -------------------------------------------------------------------------------
file(GLOB OL_APP_SOURCES CONFIGURE_DEPENDS ${CMAKE_SOURCE_DIR}/src/app/*.cpp)
add_executable(overdue-lens-app ${OL_APP_SOURCES} ${CMAKE_SOURCE_DIR}/src/platform/platform_web.cpp)
target_include_directories(overdue-lens-app PRIVATE ${CMAKE_SOURCE_DIR}/src/app ${CMAKE_SOURCE_DIR}/src/platform)
target_link_libraries(overdue-lens-app PRIVATE overdue_core overdue_imgui)
target_compile_options(overdue-lens-app PRIVATE -Wall -Wextra -O3)
add_dependencies(overdue-lens-app overdue-lens-fonts overdue-lens-web overdue-lens-demo)
set(OL_APP_EXPORTS
    _main,_malloc,_free,_ol_file_begin,_ol_file_chunk,_ol_file_end,_ol_file_failed,_ol_summary_json,_ol_ui_json,_ol_busy,_ol_set_analysis,_ol_test_crash_next_frame,_ol_touch)
target_link_options(overdue-lens-app PRIVATE
  -O3
  -sUSE_GLFW=3 -sMIN_WEBGL_VERSION=2 -sMAX_WEBGL_VERSION=2
  -sALLOW_MEMORY_GROWTH=1 -sMAXIMUM_MEMORY=2GB
  -sFORCE_FILESYSTEM=1
  -sEXPORTED_FUNCTIONS=${OL_APP_EXPORTS}
  -sEXPORTED_RUNTIME_METHODS=UTF8ToString,stringToUTF8,lengthBytesUTF8,addRunDependency,removeRunDependency,FS_createPath,FS_createDataFile)
set_target_properties(overdue-lens-app PROPERTIES
  SUFFIX ".js"
  RUNTIME_OUTPUT_DIRECTORY ${OL_WEB_OUT})
