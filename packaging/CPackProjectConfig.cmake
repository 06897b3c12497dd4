# Read by cpack for each generator (CPACK_PROJECT_CONFIG_FILE).
if(CPACK_GENERATOR STREQUAL "DEB")
  # CPackDeb prepends a non-default CPACK_PACKAGE_DESCRIPTION_SUMMARY to every
  # component's description; ours already start with their own synopsis line.
  set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "${CPACK_DEFAULT_PACKAGE_DESCRIPTION_SUMMARY}")
endif()
