#!/usr/bin/env bash
# Installs the Debian packages only Loopsmith's tests use, by name, if they are missing:
#   chromium chromium-driver   the headless browser and its WebDriver for the web page test (WebPageBrowserTest)
# Without them that test is skipped, or fails where the environment variable CI is set.
LOOPSMITH_PKG_WHY="the browser test needs chromium and its driver; without them it is skipped (under CI it fails)" \
  exec "$(dirname "$0")/install-system-packages.sh" chromium chromium-driver
