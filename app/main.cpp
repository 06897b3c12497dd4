// cunxiao: the Qt Quick app. Builds the services, signs in, loads the UI;
// all logic lives in cunxiao_app_lib.
#include "core/AppMain.h"

#include <QtQml/qqmlextensionplugin.h>

Q_IMPORT_QML_PLUGIN(CunxiaoPlugin)

int main(int argc, char *argv[]) { return cx::app::appMain(argc, argv); }
