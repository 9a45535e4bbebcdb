@echo off
rem Loopsmith launcher for Windows (cmd or PowerShell): builds the app when it is missing or older than the sources,
rem then runs it. Needs a JDK 17+ and Maven on PATH (winget install EclipseAdoptium.Temurin.17.JDK Apache.Maven).
rem The app runs from target\app, never from Maven's output, so a rebuild cannot replace a jar under a running server.
setlocal EnableExtensions
set "LS_HOME=%~dp0"
if "%LS_HOME:~-1%"=="\" set "LS_HOME=%LS_HOME:~0,-1%"
set "LS_APP=%LS_HOME%\target\app"
set "LS_JAR=%LS_APP%\loopsmith.jar"

where java >nul 2>nul || (echo error: Java 17+ is needed: winget install EclipseAdoptium.Temurin.17.JDK 1>&2 & exit /b 2)

rem A build that waited for a running Loopsmith to let go of the old app goes in now, if it can.
if exist "%LS_HOME%\target\app.next\loopsmith.jar" (
  if exist "%LS_HOME%\target\app.previous" rmdir /s /q "%LS_HOME%\target\app.previous" 2>nul
  if exist "%LS_APP%" move "%LS_APP%" "%LS_HOME%\target\app.previous" >nul 2>nul
  if not exist "%LS_APP%" move "%LS_HOME%\target\app.next" "%LS_APP%" >nul
)

set "LS_STALE=1"
if exist "%LS_JAR%" (
  powershell -NoProfile -ExecutionPolicy Bypass -Command ^
    "$jar=(Get-Item -LiteralPath $env:LS_JAR).LastWriteTimeUtc; $newer=@(Get-Item -LiteralPath (Join-Path $env:LS_HOME 'pom.xml')) + @(Get-ChildItem -LiteralPath (Join-Path $env:LS_HOME 'src\main') -Recurse -File) | Where-Object { $_.LastWriteTimeUtc -gt $jar } | Select-Object -First 1; if ($newer) { exit 1 } else { exit 0 }"
  if not errorlevel 1 set "LS_STALE=0"
)
if "%LS_STALE%"=="1" call :build || exit /b 1

java %LOOPSMITH_JAVA_OPTS% -Xmx2g --add-modules jdk.incubator.vector -Dai.djl.offline=true -Djava.awt.headless=true ^
  "-Dloopsmith.home=%LS_HOME%" -jar "%LS_JAR%" %*
exit /b %ERRORLEVEL%

:build
where mvn >nul 2>nul || (echo error: Maven is needed to build Loopsmith: winget install Apache.Maven 1>&2 & exit /b 2)
echo loopsmith: building (first run, or the sources changed)... 1>&2
pushd "%LS_HOME%"
call mvn -q -B -DskipTests package > "%TEMP%\loopsmith-build.log" 2>&1
if errorlevel 1 (
  popd
  type "%TEMP%\loopsmith-build.log" 1>&2
  echo error: build failed (see above) 1>&2
  exit /b 1
)
popd
set "LS_NEXT=%LS_HOME%\target\app.next"
if exist "%LS_NEXT%" rmdir /s /q "%LS_NEXT%"
mkdir "%LS_NEXT%\lib"
copy /y "%LS_HOME%\target\loopsmith.jar" "%LS_NEXT%\" >nul
xcopy /q /y "%LS_HOME%\target\lib\*" "%LS_NEXT%\lib\" >nul
rem Windows cannot rename a folder whose jar a running JVM holds open: then the new app waits in app.next and the
rem running one is left alone; the next launch after it stops moves it in.
if exist "%LS_HOME%\target\app.previous" rmdir /s /q "%LS_HOME%\target\app.previous" 2>nul
if exist "%LS_APP%" move "%LS_APP%" "%LS_HOME%\target\app.previous" >nul 2>nul
if exist "%LS_APP%" (
  echo loopsmith: a running Loopsmith holds the old app; this run uses it, the next one the new build 1>&2
  exit /b 0
)
move "%LS_NEXT%" "%LS_APP%" >nul
exit /b 0
