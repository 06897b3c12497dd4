# Windows installer for the app (included by packaging/CMakeLists.txt when WIN32).
# Not built on the Debian development machine; see packaging/windows/README.md.
#
#   cmake --build build --target cunxiao cunxiao-cli
#   cd build && cpack -G NSIS        (or -G WIX)
#
# Only component "app" (cunxiao.exe, cunxiao-cli.exe and the Qt runtime that
# windeployqt copies next to them); the bureau server is Linux-only.

set(CPACK_GENERATOR NSIS)
set(CPACK_COMPONENTS_ALL app)
set(CPACK_PACKAGE_INSTALL_DIRECTORY "Cunxiao")
set(CPACK_PACKAGE_FILE_NAME "Cunxiao-${PROJECT_VERSION}-win64")
# The start-menu entry: "Cunxiao 村校" -> bin\cunxiao.exe
set(CPACK_PACKAGE_EXECUTABLES "cunxiao" "Cunxiao 村校")
set(CPACK_CREATE_DESKTOP_LINKS cunxiao)

# NSIS (nsis.sourceforge.io, 3.x: Unicode)
set(CPACK_NSIS_PACKAGE_NAME "Cunxiao 村校")
set(CPACK_NSIS_DISPLAY_NAME "Cunxiao 村校 ${PROJECT_VERSION}")
set(CPACK_NSIS_EXECUTABLES_DIRECTORY bin)
set(CPACK_NSIS_INSTALLED_ICON_NAME "bin\\\\cunxiao.exe")
set(CPACK_NSIS_MUI_FINISHPAGE_RUN cunxiao.exe)
set(CPACK_NSIS_ENABLE_UNINSTALL_BEFORE_INSTALL ON)
set(CPACK_NSIS_MANIFEST_DPI_AWARE ON)
set(CPACK_NSIS_INSTALL_ROOT "$PROGRAMFILES64")
set(CPACK_NSIS_CONTACT "${CPACK_PACKAGE_CONTACT}")

# WiX 3 (wixtoolset.org) alternative: cpack -G WIX. Keep the upgrade GUID forever:
# it lets a newer MSI replace an older one.
set(CPACK_WIX_UPGRADE_GUID "6F1D4C4E-2B6A-4F0E-9C3B-8A0C5D7E1F21")
set(CPACK_WIX_PRODUCT_NAME "Cunxiao 村校")
set(CPACK_WIX_PROGRAM_MENU_FOLDER "Cunxiao")
set(CPACK_WIX_CULTURES "zh-CN,en-US")

# Qt's DLLs, QML modules (found by scanning qml/) and the MSVC runtime, copied
# next to cunxiao.exe in the staging tree at install time. The C libraries come
# from vcpkg's static triplet (x64-windows-static-md), so no other DLL is needed.
if(TARGET cunxiao)
  get_target_property(_cx_qmake Qt6::qmake IMPORTED_LOCATION)
  get_filename_component(_cx_qtbin "${_cx_qmake}" DIRECTORY)
  find_program(CX_WINDEPLOYQT windeployqt HINTS "${_cx_qtbin}" REQUIRED)
  install(CODE "
    execute_process(COMMAND \"${CX_WINDEPLOYQT}\" --release --compiler-runtime --no-translations
                            --qmldir \"${PROJECT_SOURCE_DIR}/qml\"
                            \"\${CMAKE_INSTALL_PREFIX}/${CMAKE_INSTALL_BINDIR}/cunxiao.exe\"
                    COMMAND_ERROR_IS_FATAL ANY)
  " COMPONENT app)
endif()
