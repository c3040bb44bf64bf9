# Packaging (issue 7): install rules for the desktop integration files and CPack
# configuration for a Debian package (DEB) and a relocatable archive (TGZ).
#
#   cmake --build build && (cd build && cpack -G DEB && cpack -G TGZ)
#   .ci/package-check.sh build      # builds, validates, installs and tests the .deb
#
# The version is PROJECT_VERSION. On a version bump, add an entry for it to
# installer/changelog and a <release> to the AppStream metainfo (configure warns,
# .ci/package-check.sh fails, when they lag behind).

set(BOUNCELENS_APP_ID "io.github.bouncelens.BounceLens")
set(_bl_res "${PROJECT_SOURCE_DIR}/resources")
set(_bl_pkgdir "${CMAKE_CURRENT_BINARY_DIR}/packaging")
# Debian wants /usr/share/doc/<package>, lower case (CMAKE_INSTALL_DOCDIR uses PROJECT_NAME).
set(BOUNCELENS_INSTALL_DOCDIR "${CMAKE_INSTALL_DATADIR}/doc/bouncelens")

# --- desktop integration -------------------------------------------------------------------
install(FILES "${_bl_res}/desktop/${BOUNCELENS_APP_ID}.desktop"
        DESTINATION "${CMAKE_INSTALL_DATADIR}/applications")
install(FILES "${_bl_res}/desktop/${BOUNCELENS_APP_ID}.metainfo.xml"
        DESTINATION "${CMAKE_INSTALL_DATADIR}/metainfo")
install(FILES "${_bl_res}/icons/bouncelens.svg"
        DESTINATION "${CMAKE_INSTALL_DATADIR}/icons/hicolor/scalable/apps")
foreach(_bl_size IN ITEMS 16 32 48 64 128 256)
  install(FILES "${_bl_res}/icons/hicolor/${_bl_size}x${_bl_size}/apps/bouncelens.png"
          DESTINATION "${CMAKE_INSTALL_DATADIR}/icons/hicolor/${_bl_size}x${_bl_size}/apps")
endforeach()

# --- bundled sample ------------------------------------------------------------------------
install(FILES "${_bl_res}/samples/sample-bounce.eml"
        DESTINATION "${CMAKE_INSTALL_DATADIR}/bouncelens/samples")

# --- documentation: copyright, changelog, man page -----------------------------------------
# Compressed at configure time (gzip -n: no name or time stamp, so the output is reproducible),
# so that packaging needs no extra build target.
find_program(BOUNCELENS_GZIP gzip REQUIRED)
function(_bouncelens_gzip input output)
  set_property(DIRECTORY APPEND PROPERTY CMAKE_CONFIGURE_DEPENDS "${input}")
  execute_process(COMMAND "${BOUNCELENS_GZIP}" -9 -n -c "${input}"
                  OUTPUT_FILE "${output}" RESULT_VARIABLE _rc)
  if(NOT _rc EQUAL 0)
    message(FATAL_ERROR "gzip ${input} failed: ${_rc}")
  endif()
endfunction()

file(MAKE_DIRECTORY "${_bl_pkgdir}")
configure_file("${CMAKE_CURRENT_LIST_DIR}/bouncelens.1" "${_bl_pkgdir}/bouncelens.1" @ONLY)
_bouncelens_gzip("${_bl_pkgdir}/bouncelens.1" "${_bl_pkgdir}/bouncelens.1.gz")
# A native Debian package (version without a Debian revision) keeps its changelog as changelog.gz.
_bouncelens_gzip("${CMAKE_CURRENT_LIST_DIR}/changelog" "${_bl_pkgdir}/changelog.gz")

install(FILES "${CMAKE_CURRENT_LIST_DIR}/copyright" "${_bl_pkgdir}/changelog.gz"
        DESTINATION "${BOUNCELENS_INSTALL_DOCDIR}")
install(FILES "${_bl_pkgdir}/bouncelens.1.gz" DESTINATION "${CMAKE_INSTALL_MANDIR}/man1")

# The changelog and the metainfo must describe the version being packaged.
file(STRINGS "${CMAKE_CURRENT_LIST_DIR}/changelog" _bl_top LIMIT_COUNT 1)
if(NOT _bl_top MATCHES "^bouncelens \\(${PROJECT_VERSION}\\) ")
  message(WARNING "installer/changelog has no entry for ${PROJECT_VERSION} at the top: ${_bl_top}")
endif()
file(READ "${_bl_res}/desktop/${BOUNCELENS_APP_ID}.metainfo.xml" _bl_metainfo)
if(NOT _bl_metainfo MATCHES "<release version=\"${PROJECT_VERSION}\"")
  message(WARNING "The AppStream metainfo has no <release> for ${PROJECT_VERSION}")
endif()
set_property(DIRECTORY APPEND PROPERTY CMAKE_CONFIGURE_DEPENDS
             "${_bl_res}/desktop/${BOUNCELENS_APP_ID}.metainfo.xml")

# --- CPack ---------------------------------------------------------------------------------
set(CPACK_GENERATOR "DEB;TGZ")
set(CPACK_PACKAGE_NAME "bouncelens")
set(CPACK_PACKAGE_VENDOR "The BounceLens developers")
set(CPACK_PACKAGE_CONTACT "BounceLens developers <dev@bouncelens.example>")
set(CPACK_PACKAGE_VERSION "${PROJECT_VERSION}")
set(CPACK_PACKAGE_HOMEPAGE_URL "https://bouncelens.example/")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "explain bounced email in English and Japanese")
# Extended description for the .deb (CPack indents it and writes " ." for blank lines). Keep
# double quotes out of description.txt: CPack 3.25 XML-escapes them when it reads
# CPACK_PACKAGE_DESCRIPTION_FILE and turns them into list separators in this variable.
file(READ "${CMAKE_CURRENT_LIST_DIR}/description.txt" CPACK_PACKAGE_DESCRIPTION)
string(STRIP "${CPACK_PACKAGE_DESCRIPTION}" CPACK_PACKAGE_DESCRIPTION)
set_property(DIRECTORY APPEND PROPERTY CMAKE_CONFIGURE_DEPENDS "${CMAKE_CURRENT_LIST_DIR}/description.txt")
set(CPACK_RESOURCE_FILE_LICENSE "${PROJECT_SOURCE_DIR}/LICENSE")
set(CPACK_PACKAGE_FILE_NAME "bouncelens-${PROJECT_VERSION}-linux-${CMAKE_SYSTEM_PROCESSOR}")
set(CPACK_PACKAGE_CHECKSUM SHA256)
set(CPACK_STRIP_FILES ON)

# DEB: bouncelens_<version>_<arch>.deb, installed under /usr.
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_NAME "bouncelens")
set(CPACK_DEBIAN_PACKAGE_MAINTAINER "BounceLens developers <dev@bouncelens.example>")
set(CPACK_DEBIAN_PACKAGE_SECTION "mail")
set(CPACK_DEBIAN_PACKAGE_PRIORITY "optional")
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
# Qt's own strings (standard buttons, file dialog) in Japanese come from qtbase_ja.qm, loaded
# from the system at run time. The program works without them, hence Recommends, not Depends.
set(CPACK_DEBIAN_PACKAGE_RECOMMENDS "qt6-translations-l10n")
set(CPACK_DEBIAN_COMPRESSION_TYPE "xz")

# TGZ: relocatable tree (bin/, share/) under bouncelens-<version>-linux-<arch>/.
set(CPACK_ARCHIVE_COMPONENT_INSTALL OFF)

# Source package: never the build trees or the VCS.
set(CPACK_SOURCE_GENERATOR "TGZ")
set(CPACK_SOURCE_PACKAGE_FILE_NAME "bouncelens-${PROJECT_VERSION}")
set(CPACK_SOURCE_IGNORE_FILES "/\\\\.git/" "/build[^/]*/" "/\\\\.cache/" "\\\\.user$")

include(CPack)
