@echo off
rem Windows: double-click to start the tour editor and open it in the browser.
rem (UTF-8: the chcp line lets Vietnamese show.) Checks Node.js (20 or newer), installs the dependencies on the first run, runs npm run author.
chcp 65001 >nul
cd /d "%~dp0.."
if "%TOUR_EDITOR_PORT%"=="" set TOUR_EDITOR_PORT=5173
set URL=http://127.0.0.1:%TOUR_EDITOR_PORT%/editor/
where node >nul 2>nul
if errorlevel 1 goto nonode
for /f %%v in ('node -p "parseInt(process.versions.node)"') do set NODE_MAJOR=%%v
if %NODE_MAJOR% LSS 20 goto nonode
if exist node_modules goto run
echo Lần chạy đầu: đang cài các thành phần cần thiết (vài phút)...
echo First run: installing what the editor needs (a few minutes)...
call npm ci
if errorlevel 1 goto failed
:run
start "" /b node launchers\open-when-ready.mjs %URL%
call npm run author -- --port %TOUR_EDITOR_PORT% --strictPort
goto end
:nonode
echo Cần Node.js phiên bản 20 trở lên. Tải bản LTS tại https://nodejs.org/vi/download
echo Node.js 20 or newer is needed. Get the LTS version from https://nodejs.org/en/download
start "" https://nodejs.org/vi/download
pause
exit /b 1
:failed
echo Cài đặt không thành công / Installing failed (npm ci).
pause
exit /b 1
:end
