#pragma once
// DemoCounty: the bureau's side of the offline demo (self-test, screenshots):
// the demo county's twenty schools in three townships and two school years of
// enrolment returns, inspection assignments and home-visit targets (sync/demo,
// the same records the server's `demo` makes),
// put into a local bureau account so its pages show real-looking work.
// Never used with a real server.
#include <QDate>

namespace cx::app {
class AppContext;
// `today` decides which school years the returns are for (tests fix it).
void seedDemoCounty(AppContext &ctx, const QDate &today = QDate::currentDate());
}
