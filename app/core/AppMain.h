#pragma once
// appMain: the whole start-up of the app (arguments, data folder, account,
// language, QML), in the library so tests can run it too.
namespace cx::app {
int appMain(int argc, char *argv[]);
}
