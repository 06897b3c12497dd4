#pragma once
// DemoData: a small, believable village school (pupils, visits, a dropout,
// forms, a submission, a conflict-free replica) written into a local account
// for the self-test, the screenshots and tests. Never used with a real server.
namespace cx::app {
class AppContext;
void seedDemoData(AppContext &ctx, int pupils = 36);
}
