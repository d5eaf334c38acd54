# Installing tapsheet, and the Debian package CPack makes of it
# (deploy/package.sh runs it): the program, the content packs, the config
# file /etc/tapsheet/tapsheet.toml (a conffile: dpkg keeps an organiser's
# edits across upgrades), the kiosk's, the board's and the fleet hub's
# systemd units, the check that mosquitto's drop-in runs, the user tapsheet (sysusers.d) and the maintainer scripts that create it and
# /var/lib/tapsheet.
include(GNUInstallDirs)

# The program looks for its assets under ${CMAKE_INSTALL_PREFIX}/share
# (TAPSHEET_INSTALL_ASSETS), and the units and the config name /usr/bin and
# /usr/share: the package is only right when built for /usr (the release
# preset is).
if(NOT CMAKE_INSTALL_PREFIX STREQUAL "/usr")
  message(STATUS "tapsheet: CMAKE_INSTALL_PREFIX is ${CMAKE_INSTALL_PREFIX}; "
                 "build the Debian package with the release preset (prefix /usr)")
endif()

set(TAPSHEET_DEPLOY ${PROJECT_SOURCE_DIR}/deploy)
# Debian 13 and 12 both read units from /usr/lib/systemd/system (12 has
# merged /usr too, where /lib is /usr/lib); 13 wants them there.
set(TAPSHEET_UNIT_DIR /usr/lib/systemd/system)

install(TARGETS tapsheet RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
install(DIRECTORY ${PROJECT_SOURCE_DIR}/assets/content DESTINATION ${CMAKE_INSTALL_DATADIR}/tapsheet
        FILES_MATCHING PATTERN "*.toml")
install(FILES ${PROJECT_SOURCE_DIR}/config/tapsheet.toml DESTINATION /etc/tapsheet)
install(FILES ${TAPSHEET_DEPLOY}/systemd/tapsheet-kiosk.service ${TAPSHEET_DEPLOY}/systemd/tapsheet-board.service
              ${TAPSHEET_DEPLOY}/systemd/tapsheet-hub.service
        DESTINATION ${TAPSHEET_UNIT_DIR})
# A fleet's broker: the ExecStartPre of platform/raspberrypi/mosquitto.service.d
# (installed by the organiser, as the guide says; the package leaves
# mosquitto's own unit alone).
install(PROGRAMS ${TAPSHEET_DEPLOY}/mosquitto-db-check.sh DESTINATION ${CMAKE_INSTALL_LIBEXECDIR}/tapsheet
        RENAME mosquitto-db-check)
# The event's CA, certificates, passwords and configs for a fleet, run by the
# organiser on the board's machine (the guide's "A fleet").
install(PROGRAMS ${TAPSHEET_DEPLOY}/fleet-setup.sh DESTINATION ${CMAKE_INSTALL_LIBEXECDIR}/tapsheet
        RENAME fleet-setup)
install(FILES ${TAPSHEET_DEPLOY}/debian/tapsheet.sysusers DESTINATION /usr/lib/sysusers.d RENAME tapsheet.conf)
install(FILES ${PROJECT_SOURCE_DIR}/README.md DESTINATION ${CMAKE_INSTALL_DOCDIR})
# The Pi guide and the fragments its steps copy (drop-ins, udev rule, boot lines).
install(DIRECTORY ${PROJECT_SOURCE_DIR}/platform/raspberrypi DESTINATION ${CMAKE_INSTALL_DOCDIR})

# `cpack` installs into its staging folder first; that must not build every
# test: deploy/package.sh builds the tapsheet target, then runs cpack.
set(CMAKE_SKIP_INSTALL_ALL_DEPENDENCY ON)

set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME tapsheet)
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_PACKAGE_CONTACT "tapsheet maintainers <tapsheet@localhost>")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "touchscreen kiosk for events: quick polls and a reflection sheet")
string(CONCAT CPACK_PACKAGE_DESCRIPTION
       "Attendees answer quick polls and tap the benefits of their improvement project on a\n"
       "shared reflection sheet; every answer lands in SQLite on the kiosk, offline. A second\n"
       "display shows the room its live results. Runs with or without a desktop (SDL2 KMS/DRM).")
set(CPACK_PACKAGING_INSTALL_PREFIX ${CMAKE_INSTALL_PREFIX})
set(CPACK_STRIP_FILES ON)
# The Debian revision; deploy/package.sh --revision N makes a higher one (the
# upgrade test in deploy/package-test.sh).
set(CPACK_DEBIAN_PACKAGE_RELEASE 1)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SECTION misc)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
# The libraries the program links come from dpkg-shlibdeps; added here is
# what it loads or reads at run time: the fonts, EGL and Mesa's drivers
# (SDL opens them for KMS/DRM and Wayland), adduser for the postinst.
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_PACKAGE_DEPENDS "adduser, fonts-noto-core | fonts-dejavu-core, libegl1, libgl1-mesa-dri")
# mosquitto: the broker on the board's machine of a fleet (tapsheet-hub).
set(CPACK_DEBIAN_PACKAGE_SUGGESTS "sqlite3, xvfb, mosquitto")
set(CPACK_DEBIAN_PACKAGE_CONTROL_EXTRA
    ${TAPSHEET_DEPLOY}/debian/conffiles ${TAPSHEET_DEPLOY}/debian/postinst ${TAPSHEET_DEPLOY}/debian/prerm
    ${TAPSHEET_DEPLOY}/debian/postrm)
set(CPACK_DEBIAN_PACKAGE_CONTROL_STRICT_PERMISSION ON)

include(CPack)
