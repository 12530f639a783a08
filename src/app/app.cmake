# The page (Emscripten only): target overdue-lens-app → ${CMAKE_BINARY_DIR}/web/overdue-lens-app.{js,wasm,data}
# next to copies of web/*, so `python3 -m http.server --directory build/wasm/web` serves it.
# Included by the top CMakeLists.txt when building with emcmake.

set(OL_IMGUI_DIR ${OL_DEPS_DIR}/imgui)
set(OL_WEB_OUT ${CMAKE_BINARY_DIR}/web)

# [SECTION] fonts: copied from Debian's packages at build time (never committed) ----------------
# Static files beside the page (web/glue.js writes them into the wasm file system before main()),
# so the single offline file can embed the same bytes (scripts/build_single.py).
set(OL_FONT_DIR ${OL_WEB_OUT}/fonts)
set(OL_FONT_SOURCES /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf
                    /usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf)
set(OL_FONT_FILES "")
foreach(font ${OL_FONT_SOURCES})
  if(NOT EXISTS ${font})
    message(FATAL_ERROR "${font} is missing: run scripts/setup.sh (fonts-dejavu-core, fonts-droid-fallback)")
  endif()
  get_filename_component(font_name ${font} NAME)
  add_custom_command(OUTPUT ${OL_FONT_DIR}/${font_name}
                     COMMAND ${CMAKE_COMMAND} -E make_directory ${OL_FONT_DIR}
                     COMMAND ${CMAKE_COMMAND} -E copy_if_different ${font} ${OL_FONT_DIR}/${font_name}
                     DEPENDS ${font}
                     COMMENT "Copying font ${font_name}")
  list(APPEND OL_FONT_FILES ${OL_FONT_DIR}/${font_name})
endforeach()
add_custom_target(overdue-lens-fonts DEPENDS ${OL_FONT_FILES})

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
  add_custom_command(OUTPUT ${OL_WEB_OUT}/${name}
                     COMMAND ${CMAKE_COMMAND} -E make_directory ${OL_WEB_OUT}
                     COMMAND ${CMAKE_COMMAND} -E copy_if_different ${src} ${OL_WEB_OUT}/${name}
                     DEPENDS ${src}
                     COMMENT "Copying web/${name}")
  list(APPEND OL_WEB_COPIES ${OL_WEB_OUT}/${name})
endforeach()
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
    _main,_malloc,_free,_ol_file_begin,_ol_file_chunk,_ol_file_end,_ol_file_failed,_ol_summary_json,_ol_ui_json,_ol_busy,_ol_set_analysis,_ol_test_crash_next_frame)
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
