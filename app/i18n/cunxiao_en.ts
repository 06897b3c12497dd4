<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>AttachmentPreview</name>
    <message>
        <source>Download (%1)</source>
        <extracomment>Photo taken on another device: download it to this phone. %1 is its size.</extracomment>
        <translation>Download (%1)</translation>
    </message>
    <message>
        <source>Remove photo</source>
        <extracomment>Photo field: remove this photo from the answer (accessible name of the small ✕ button).</extracomment>
        <translation>Remove photo</translation>
    </message>
</context>
<context>
    <name>BundlesPage</name>
    <message>
        <source>USB stick / SD card</source>
        <extracomment>Title of the page for sync by USB stick or SD card.</extracomment>
        <translation>USB stick / SD card</translation>
    </message>
    <message>
        <source>Saving the bundle…</source>
        <extracomment>Bundle page: working on saving the bundle.</extracomment>
        <translation>Saving the bundle…</translation>
    </message>
    <message>
        <source>Applying the reply…</source>
        <extracomment>Bundle page: working on applying a reply.</extracomment>
        <translation>Applying the reply…</translation>
    </message>
    <message>
        <source>Delivering the bundle to the bureau's server…</source>
        <extracomment>Bundle page: working on delivering someone's bundle to the server.</extracomment>
        <translation>Delivering the bundle to the bureau's server…</translation>
    </message>
    <message>
        <source>Save the bundle</source>
        <extracomment>File dialog title: where to save the bundle.</extracomment>
        <translation>Save the bundle</translation>
    </message>
    <message>
        <source>Cunxiao bundles (*.cxbundle)</source>
        <extracomment>File type name in the file dialogs.</extracomment>
        <translation>Cunxiao bundles (*.cxbundle)</translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation>All files (*)</translation>
    </message>
    <message>
        <source>Choose the reply</source>
        <extracomment>File dialog title: choose the reply to apply.</extracomment>
        <translation>Choose the reply</translation>
    </message>
    <message>
        <source>Choose the bundle to deliver</source>
        <extracomment>File dialog title: choose someone's bundle to deliver.</extracomment>
        <translation>Choose the bundle to deliver</translation>
    </message>
    <message>
        <source>Save the reply</source>
        <extracomment>File dialog title: where to save the reply of a delivered bundle.</extracomment>
        <translation>Save the reply</translation>
    </message>
    <message>
        <source>No signal for a long time? Save your changes to a USB stick or SD card and take it to the township centre school or the bureau. The file is sealed: whoever carries it cannot read or change it. Bring the reply back and apply it here.</source>
        <extracomment>Bundle page: what the page is for.</extracomment>
        <translation>No signal for a long time? Save your changes to a USB stick or SD card and take it to the township centre school or the bureau. The file is sealed: whoever carries it cannot read or change it. Bring the reply back and apply it here.</translation>
    </message>
    <message>
        <source>Done</source>
        <extracomment>Bundle page: close the receipt.</extracomment>
        <translation>Done</translation>
    </message>
    <message>
        <source>Save for a USB stick / SD card</source>
        <extracomment>Bundle page: section to save this device's changes.</extracomment>
        <translation>Save for a USB stick / SD card</translation>
    </message>
    <message numerus="yes">
        <source>%n change(s) on this device wait to be sent.</source>
        <extracomment>Bundle page: how many changes wait to be sent.</extracomment>
        <translation><numerusform>%n change on this device wait to be sent.</numerusform><numerusform>%n changes on this device wait to be sent.</numerusform></translation>
    </message>
    <message>
        <source>Nothing waits to be sent. A bundle still brings back what the bureau has for you.</source>
        <extracomment>Bundle page: nothing waits; a bundle still brings the bureau's news back.</extracomment>
        <translation>Nothing waits to be sent. A bundle still brings back what the bureau has for you.</translation>
    </message>
    <message>
        <source>Records only (photos go later)</source>
        <extracomment>Bundle page: leave photos out to keep the file small.</extracomment>
        <translation>Records only (photos go later)</translation>
    </message>
    <message>
        <source>Save bundle…</source>
        <extracomment>Bundle page: button that opens the save dialog.</extracomment>
        <translation>Save bundle…</translation>
    </message>
    <message>
        <source>Apply a reply</source>
        <extracomment>Bundle page: section to apply the reply that came back.</extracomment>
        <translation>Apply a reply</translation>
    </message>
    <message>
        <source>The reply confirms what the bureau received and brings what changed there. Applying the same reply twice changes nothing.</source>
        <extracomment>Bundle page: what applying a reply does.</extracomment>
        <translation>The reply confirms what the bureau received and brings what changed there. Applying the same reply twice changes nothing.</translation>
    </message>
    <message>
        <source>Choose the reply…</source>
        <extracomment>Bundle page: button that opens the file dialog for a reply.</extracomment>
        <translation>Choose the reply…</translation>
    </message>
    <message>
        <source>Deliver someone's bundle</source>
        <extracomment>Bundle page: section to deliver someone else's bundle over this device's link.</extracomment>
        <translation>Deliver someone's bundle</translation>
    </message>
    <message>
        <source>With a link, this device can deliver a bundle another school brought and save the reply for them. It cannot read what the bundle holds.</source>
        <extracomment>Bundle page: what delivering does; the carrier learns nothing.</extracomment>
        <translation>With a link, this device can deliver a bundle another school brought and save the reply for them. It cannot read what the bundle holds.</translation>
    </message>
    <message>
        <source>Largest reply (MB)</source>
        <extracomment>Bundle page: the largest reply, in MB.</extracomment>
        <translation>Largest reply (MB)</translation>
    </message>
    <message>
        <source>Choose the bundle…</source>
        <extracomment>Bundle page: button that opens the file dialog for someone's bundle.</extracomment>
        <translation>Choose the bundle…</translation>
    </message>
</context>
<context>
    <name>BureauAccountsPage</name>
    <message>
        <source>Accounts</source>
        <extracomment>Title of the bureau's accounts page.</extracomment>
        <translation>Accounts</translation>
    </message>
    <message>
        <source>School head</source>
        <extracomment>Account role: school head.</extracomment>
        <translation>School head</translation>
    </message>
    <message>
        <source>Teacher</source>
        <extracomment>Account role: teacher.</extracomment>
        <translation>Teacher</translation>
    </message>
    <message>
        <source>Inspector</source>
        <extracomment>Account role: inspector (supervisor of several schools).</extracomment>
        <translation>Inspector</translation>
    </message>
    <message>
        <source>Bureau</source>
        <extracomment>Account role: county education bureau staff.</extracomment>
        <translation>Bureau</translation>
    </message>
    <message>
        <source>no device</source>
        <extracomment>Accounts: the account has no enrolled device.</extracomment>
        <translation>no device</translation>
    </message>
    <message>
        <source>%1 device(s), never synced</source>
        <translation>%1 device(s), never synced</translation>
    </message>
    <message>
        <source>%1 device(s), synced %2 day(s) ago</source>
        <extracomment>Accounts: devices and last sync. %1 devices; %2 days since the last sync.</extracomment>
        <translation>%1 device(s), synced %2 day(s) ago</translation>
    </message>
    <message>
        <source>(schools below)</source>
        <extracomment>Accounts: no township chosen (pick schools one by one).</extracomment>
        <translation>(schools below)</translation>
    </message>
    <message>
        <source>%1 accounts, %2 schools · list as of %3</source>
        <extracomment>Accounts: when the list was fetched from the server. %1 accounts, %2 schools, %3 date and time.</extracomment>
        <translation>%1 accounts, %2 schools · list as of %3</translation>
    </message>
    <message>
        <source>No list yet: it needs a connection to the server.</source>
        <extracomment>Accounts: no list fetched yet.</extracomment>
        <translation>No list yet: it needs a connection to the server.</translation>
    </message>
    <message>
        <source>Refresh</source>
        <extracomment>Accounts: fetch the list from the server again.</extracomment>
        <translation>Refresh</translation>
    </message>
    <message>
        <source>administrator</source>
        <extracomment>Accounts: the account is a bureau administrator.</extracomment>
        <translation>administrator</translation>
    </message>
    <message>
        <source>revoked</source>
        <extracomment>Accounts: the account was revoked.</extracomment>
        <translation>revoked</translation>
    </message>
    <message>
        <source>No accounts to show.</source>
        <extracomment>Accounts: nothing to show.</extracomment>
        <translation>No accounts to show.</translation>
    </message>
    <message>
        <source>Account %1</source>
        <extracomment>Accounts: the section for the chosen account. %1 is the user name.</extracomment>
        <translation>Account %1</translation>
    </message>
    <message>
        <source>Schools</source>
        <extracomment>Accounts: choose the schools of the account.</extracomment>
        <translation>Schools</translation>
    </message>
    <message>
        <source>Whole township</source>
        <extracomment>Accounts: assign every school of a township.</extracomment>
        <translation>Whole township</translation>
    </message>
    <message>
        <source>Save schools</source>
        <extracomment>Accounts: save the account's schools.</extracomment>
        <translation>Save schools</translation>
    </message>
    <message>
        <source>New password (6 or more characters)</source>
        <extracomment>Accounts: the new password (at least 6 characters).</extracomment>
        <translation>New password (6 or more characters)</translation>
    </message>
    <message>
        <source>Reset password</source>
        <extracomment>Accounts: set the new password.</extracomment>
        <translation>Reset password</translation>
    </message>
    <message>
        <source>Enrol a phone</source>
        <extracomment>Accounts: issue a one-time code to enrol a phone for this account.</extracomment>
        <translation>Enrol a phone</translation>
    </message>
    <message>
        <source>Revoke</source>
        <extracomment>Accounts: revoke the account; its devices erase their data.</extracomment>
        <translation>Revoke</translation>
    </message>
    <message>
        <source>On the phone: Sign in → Scan the bureau's QR code. Or type the code:</source>
        <extracomment>Enrolment: what the person does with the QR code.</extracomment>
        <translation>On the phone: Sign in → Scan the bureau's QR code. Or type the code:</translation>
    </message>
    <message>
        <source>Server %1 · user %2</source>
        <extracomment>Enrolment: the server address and the account to type. %1 server, %2 user.</extracomment>
        <translation>Server %1 · user %2</translation>
    </message>
    <message>
        <source>Enrols one phone; valid until %1. It is shown only now.</source>
        <extracomment>Enrolment: the code enrols one phone and expires. %1 date.</extracomment>
        <translation>Enrols one phone; valid until %1. It is shown only now.</translation>
    </message>
    <message>
        <source>Add an account</source>
        <extracomment>Accounts: the form to add an account.</extracomment>
        <translation>Add an account</translation>
    </message>
    <message>
        <source>User name, e.g. li.ming</source>
        <extracomment>Accounts: the new account's user name.</extracomment>
        <translation>User name, e.g. li.ming</translation>
    </message>
    <message>
        <source>Administrator (manages accounts and schools)</source>
        <extracomment>Accounts: the new bureau account may manage accounts too.</extracomment>
        <translation>Administrator (manages accounts and schools)</translation>
    </message>
    <message>
        <source>Add account</source>
        <extracomment>Accounts: create the account.</extracomment>
        <translation>Add account</translation>
    </message>
    <message>
        <source>Add a school</source>
        <extracomment>Accounts: the form to add a school.</extracomment>
        <translation>Add a school</translation>
    </message>
    <message>
        <source>School code, e.g. 530128121</source>
        <extracomment>Accounts: the new school's code.</extracomment>
        <translation>School code, e.g. 530128121</translation>
    </message>
    <message>
        <source>School name</source>
        <extracomment>Accounts: the new school's name.</extracomment>
        <translation>School name</translation>
    </message>
    <message>
        <source>Add school</source>
        <extracomment>Accounts: add the school.</extracomment>
        <translation>Add school</translation>
    </message>
    <message>
        <source>Revoke %1?</source>
        <extracomment>Revoke confirmation title. %1 is the user name.</extracomment>
        <translation>Revoke %1?</translation>
    </message>
    <message>
        <source>The account can no longer sign in, and each of its devices erases its data at its next contact. This cannot be undone.</source>
        <extracomment>Revoke confirmation text.</extracomment>
        <translation>The account can no longer sign in, and each of its devices erases its data at its next contact. This cannot be undone.</translation>
    </message>
    <message>
        <source>%1 device(s), synced today</source>
        <extracomment>Accounts: devices and last sync. %1 devices; %2 days since the last sync. Accounts: devices and last sync today. %1 devices.</extracomment>
        <translation>%1 device(s), synced today</translation>
    </message>
    <message>
        <source>Choose an account in the list to change its schools, reset its password, revoke it or enrol a phone for it.</source>
        <extracomment>Accounts: hint shown until an account is chosen in the list.</extracomment>
        <translation>Choose an account in the list to change its schools, reset its password, revoke it or enrol a phone for it.</translation>
    </message>
</context>
<context>
    <name>BureauAssignmentsPage</name>
    <message>
        <source>Assignments</source>
        <extracomment>Title of the bureau's inspection assignments page.
----------
Assignments export: the file's name before the date (督导任务 = inspection assignments).</extracomment>
        <translation>Assignments</translation>
    </message>
    <message>
        <source>Done</source>
        <extracomment>Assignment state: the inspection was done.</extracomment>
        <translation>Done</translation>
    </message>
    <message>
        <source>Overdue</source>
        <extracomment>Assignment state: the due day passed without an inspection.</extracomment>
        <translation>Overdue</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <extracomment>Assignment state: the bureau cancelled it.</extracomment>
        <translation>Cancelled</translation>
    </message>
    <message>
        <source>Planned</source>
        <extracomment>Assignment state: planned, not yet done, not yet due.</extracomment>
        <translation>Planned</translation>
    </message>
    <message>
        <source>%1 %2</source>
        <extracomment>Assignments: a count and its state, e.g. "Overdue 1".</extracomment>
        <translation>%1 %2</translation>
    </message>
    <message>
        <source>All inspectors</source>
        <extracomment>Assignments filter: every inspector.</extracomment>
        <translation>All inspectors</translation>
    </message>
    <message>
        <source>All townships</source>
        <extracomment>Assignments filter: every township.</extracomment>
        <translation>All townships</translation>
    </message>
    <message>
        <source>+ Plan an inspection</source>
        <extracomment>Assignments (phone): opens the form to plan an inspection.</extracomment>
        <translation>+ Plan an inspection</translation>
    </message>
    <message>
        <source>Inspections</source>
        <extracomment>Assignments page tab: the planned inspections.</extracomment>
        <translation>Inspections</translation>
    </message>
    <message>
        <source>Home-visit targets</source>
        <extracomment>Assignments page tab: the heads' home-visit targets for teachers.</extracomment>
        <translation>Home-visit targets</translation>
    </message>
    <message>
        <source>%1 · inspector %2 · %3</source>
        <extracomment>Assignment line. %1 township, %2 inspector, %3 checklist form.</extracomment>
        <translation>%1 · inspector %2 · %3</translation>
    </message>
    <message>
        <source>Due %1 · marked done by the bureau</source>
        <extracomment>Assignment: marked done by the bureau (inspected on paper). %1 the due day.</extracomment>
        <translation>Due %1 · marked done by the bureau</translation>
    </message>
    <message numerus="yes">
        <source>Due %1 · %n day(s) overdue</source>
        <extracomment>Assignment: overdue. %1 the due day; %n days past it.</extracomment>
        <translation><numerusform>Due %1 · %n day overdue</numerusform><numerusform>Due %1 · %n days overdue</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>Due %1 · %n day(s) left</source>
        <extracomment>Assignment: planned. %1 the due day; %n days left.</extracomment>
        <translation><numerusform>Due %1 · %n day left</numerusform><numerusform>Due %1 · %n days left</numerusform></translation>
    </message>
    <message>
        <source>Done: %1</source>
        <extracomment>Assignment marked done by hand: %1 the bureau's note on it.</extracomment>
        <translation>Done: %1</translation>
    </message>
    <message>
        <source>Mark done</source>
        <extracomment>Assignment action: the inspection was done on paper; mark it done.</extracomment>
        <translation>Mark done</translation>
    </message>
    <message>
        <source>Cancel inspection</source>
        <extracomment>Assignment action: cancel the planned inspection.</extracomment>
        <translation>Cancel inspection</translation>
    </message>
    <message>
        <source>No inspections planned here.</source>
        <extracomment>Assignments: nothing matches the filters.</extracomment>
        <translation>No inspections planned here.</translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <extracomment>Home-visit target heading. %1 the teacher, %2 the school.</extracomment>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <source>%1 / %2 visits · %3</source>
        <extracomment>Home-visit target progress. %1 visits done, %2 the target, %3 the period.</extracomment>
        <translation>%1 / %2 visits · %3</translation>
    </message>
    <message>
        <source>No home-visit targets set. A school head sets them for the teachers.</source>
        <extracomment>Assignments: no home-visit targets set.</extracomment>
        <translation>No home-visit targets set. A school head sets them for the teachers.</translation>
    </message>
    <message>
        <source>Plan an inspection</source>
        <extracomment>Heading of the form that plans an inspection.</extracomment>
        <translation>Plan an inspection</translation>
    </message>
    <message>
        <source>Cancel this inspection?</source>
        <extracomment>Confirmation before cancelling a planned inspection.</extracomment>
        <translation>Cancel this inspection?</translation>
    </message>
    <message>
        <source>The inspection of %1 will be cancelled and leave the inspector's list.</source>
        <extracomment>Confirmation text. %1 the school. The assignment is kept as cancelled; the inspector no longer sees it.</extracomment>
        <translation>The inspection of %1 will be cancelled and leave the inspector's list.</translation>
    </message>
    <message>
        <source>School</source>
        <extracomment>Plan an inspection: the school.</extracomment>
        <translation>School</translation>
    </message>
    <message>
        <source>Inspector</source>
        <extracomment>Plan an inspection: the inspector (an account name).</extracomment>
        <translation>Inspector</translation>
    </message>
    <message>
        <source>Due by</source>
        <extracomment>Plan an inspection: the day it must be done by.</extracomment>
        <translation>Due by</translation>
    </message>
    <message>
        <source>Checklist</source>
        <extracomment>Plan an inspection: the checklist form the inspector fills.</extracomment>
        <translation>Checklist</translation>
    </message>
    <message>
        <source>Note for the inspector (optional)</source>
        <extracomment>Plan an inspection: an optional note for the inspector.</extracomment>
        <translation>Note for the inspector (optional)</translation>
    </message>
    <message>
        <source>Plan inspection</source>
        <extracomment>Plan an inspection: the button that saves it.</extracomment>
        <translation>Plan inspection</translation>
    </message>
    <message>
        <source>Due %1 · done: %2, by %3</source>
        <extracomment>Assignment: done by a report. %1 due day, %2 the day of the inspection, %3 who inspected (the report's names, else the account that sent it).</extracomment>
        <translation>Due %1 · done: %2, by %3</translation>
    </message>
    <message>
        <source>Open report</source>
        <extracomment>Assignment done: opens the report that completed it (the review of the submission, or the inspection).</extracomment>
        <translation>Open report</translation>
    </message>
</context>
<context>
    <name>BureauCompletenessPage</name>
    <message>
        <source>Reporting completeness</source>
        <extracomment>Title of the bureau's completeness page (which schools have reported).</extracomment>
        <translation>Reporting completeness</translation>
    </message>
    <message>
        <source>On time</source>
        <extracomment>Completeness: the school sent the return on or before the due date.</extracomment>
        <translation>On time</translation>
    </message>
    <message>
        <source>Late</source>
        <extracomment>Completeness: sent after the due date.</extracomment>
        <translation>Late</translation>
    </message>
    <message>
        <source>Missing</source>
        <extracomment>Completeness: nothing sent and the due date has passed.</extracomment>
        <translation>Missing</translation>
    </message>
    <message>
        <source>Not yet due</source>
        <extracomment>Completeness: nothing sent yet, the due date is still ahead.</extracomment>
        <translation>Not yet due</translation>
    </message>
    <message>
        <source>Due %1</source>
        <extracomment>Completeness: the due date of the shown period. %1 is the date.</extracomment>
        <translation>Due %1</translation>
    </message>
    <message>
        <source>No form is filed per period yet.</source>
        <extracomment>Completeness page: no form is filed per period (school year, term, month) in this replica.</extracomment>
        <translation>No form is filed per period yet.</translation>
    </message>
    <message>
        <source>Expected</source>
        <extracomment>Completeness total: schools expected to report.</extracomment>
        <translation>Expected</translation>
    </message>
    <message>
        <source>Submitted</source>
        <extracomment>Completeness total: schools that reported, with the rate.</extracomment>
        <translation>Submitted</translation>
    </message>
    <message>
        <source>By township</source>
        <extracomment>Completeness card heading: the table per township.</extracomment>
        <translation>By township</translation>
    </message>
    <message>
        <source>Township</source>
        <extracomment>Completeness table column: township name.</extracomment>
        <translation>Township</translation>
    </message>
    <message>
        <source>Rate</source>
        <extracomment>Completeness table column: the reporting rate.</extracomment>
        <translation>Rate</translation>
    </message>
    <message>
        <source>Schools by period</source>
        <extracomment>Completeness card heading: the grid of schools by period.</extracomment>
        <translation>Schools by period</translation>
    </message>
    <message>
        <source>Schools in %1</source>
        <extracomment>Completeness card heading: every school in the shown period. %1 is the period.</extracomment>
        <translation>Schools in %1</translation>
    </message>
    <message>
        <source>Township: %1</source>
        <extracomment>Completeness contact: the school's township. %1 is the township.</extracomment>
        <translation>Township: %1</translation>
    </message>
    <message>
        <source>Head: %1</source>
        <extracomment>Completeness contact: the school's head. %1 is the name.</extracomment>
        <translation>Head: %1</translation>
    </message>
    <message>
        <source>Phone: %1</source>
        <extracomment>Completeness contact: the school's phone number. %1 is the number.</extracomment>
        <translation>Phone: %1</translation>
    </message>
    <message>
        <source>School code: %1</source>
        <extracomment>Completeness contact: the school's code. %1 is the code.</extracomment>
        <translation>School code: %1</translation>
    </message>
    <message>
        <source>Its devices: no sync known</source>
        <extracomment>Completeness contact: none of the school's devices has synced (or the device list is not here yet).</extracomment>
        <translation>Its devices: no sync known</translation>
    </message>
    <message numerus="yes">
        <source>Its devices last synced %n day(s) ago</source>
        <extracomment>Completeness contact: days since any of the school's devices last synced. %n is the number of days.</extracomment>
        <translation><numerusform>Its devices last synced %n day ago</numerusform><numerusform>Its devices last synced %n days ago</numerusform></translation>
    </message>
    <message>
        <source>Completeness</source>
        <extracomment>Completeness export: the file's name before the period and date.</extracomment>
        <translation>Completeness</translation>
    </message>
</context>
<context>
    <name>BureauDevicesPage</name>
    <message>
        <source>Devices</source>
        <extracomment>Title of the bureau's device health page.
----------
Devices export: the file's name before the date (设备 = devices).</extracomment>
        <translation>Devices</translation>
    </message>
    <message>
        <source>Silent</source>
        <extracomment>Device health: the device has not synced for the chosen number of days.</extracomment>
        <translation>Silent</translation>
    </message>
    <message>
        <source>Refused changes</source>
        <extracomment>Device health: the device holds changes the server refused.</extracomment>
        <translation>Refused changes</translation>
    </message>
    <message>
        <source>Conflicts</source>
        <extracomment>Device health: the device has conflicts to settle.</extracomment>
        <translation>Conflicts</translation>
    </message>
    <message>
        <source>Storage nearly full</source>
        <extracomment>Device health: the device's storage is nearly full.</extracomment>
        <translation>Storage nearly full</translation>
    </message>
    <message>
        <source>Wi-Fi</source>
        <extracomment>Device health: the device's link is Wi-Fi or another unmetered one.</extracomment>
        <translation>Wi-Fi</translation>
    </message>
    <message>
        <source>mobile data</source>
        <extracomment>Device health: the device's link is metered mobile data.</extracomment>
        <translation>mobile data</translation>
    </message>
    <message>
        <source>never synced</source>
        <extracomment>Device health: the device never synced.</extracomment>
        <translation>never synced</translation>
    </message>
    <message>
        <source>synced today</source>
        <extracomment>Device health: last sync today.</extracomment>
        <translation>synced today</translation>
    </message>
    <message numerus="yes">
        <source>synced %n day(s) ago</source>
        <extracomment>Device health: days since the last sync. %n is the number of days.</extracomment>
        <translation><numerusform>synced %n day ago</numerusform><numerusform>synced %n days ago</numerusform></translation>
    </message>
    <message>
        <source>%1 devices, %2 need attention</source>
        <extracomment>Device health summary. %1 devices in all, %2 needing attention.</extracomment>
        <translation>%1 devices, %2 need attention</translation>
    </message>
    <message>
        <source>Only those needing attention</source>
        <extracomment>Device health filter: show only the devices needing attention.</extracomment>
        <translation>Only those needing attention</translation>
    </message>
    <message>
        <source>Silent after 7 days</source>
        <extracomment>Device health: a device is silent after 7 days without a sync.</extracomment>
        <translation>Silent after 7 days</translation>
    </message>
    <message>
        <source>Silent after 14 days</source>
        <extracomment>Device health: a device is silent after 14 days without a sync.</extracomment>
        <translation>Silent after 14 days</translation>
    </message>
    <message>
        <source>Silent after 30 days</source>
        <extracomment>Device health: a device is silent after 30 days without a sync.</extracomment>
        <translation>Silent after 30 days</translation>
    </message>
    <message>
        <source>List as of %1</source>
        <extracomment>Device health: when the list was brought by a sync. %1 is the date and time.</extracomment>
        <translation>List as of %1</translation>
    </message>
    <message>
        <source>No list yet: it comes with the next sync.</source>
        <extracomment>Device health: the list has not been fetched yet.</extracomment>
        <translation>No list yet: it comes with the next sync.</translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <extracomment>Device health line: device name and app version. %1 name, %2 version.</extracomment>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <source>Not sent: %1 changes, %2 photos · refused %3 · conflicts %4</source>
        <extracomment>Device health line. %1 changes not sent, %2 photos not sent, %3 refused, %4 conflicts.</extracomment>
        <translation>Not sent: %1 changes, %2 photos · refused %3 · conflicts %4</translation>
    </message>
    <message>
        <source>Free storage %1 MB · link %2</source>
        <extracomment>Device health line. %1 free storage in MB, %2 the link (metered or unmetered).</extracomment>
        <translation>Free storage %1 MB · link %2</translation>
    </message>
    <message>
        <source>Last error: %1</source>
        <extracomment>Device health: the device's last error. %1 is the message.</extracomment>
        <translation>Last error: %1</translation>
    </message>
    <message>
        <source>Has not reported its state yet (older app, or no sync since)</source>
        <extracomment>Device health: the device has not reported yet (an older app, or no sync since the update).</extracomment>
        <translation>Has not reported its state yet (older app, or no sync since)</translation>
    </message>
    <message>
        <source>No devices to show.</source>
        <extracomment>Device health: nothing to show.</extracomment>
        <translation>No devices to show.</translation>
    </message>
</context>
<context>
    <name>BureauFormsPage</name>
    <message>
        <source>Forms</source>
        <extracomment>Title of the bureau's forms page (publishing form versions).</extracomment>
        <translation>Forms</translation>
    </message>
    <message numerus="yes">
        <source>v%1: %n device(s)</source>
        <extracomment>Forms page: devices holding one version. %1 version, %n number of devices.</extracomment>
        <translation><numerusform>v%1: %n device</numerusform><numerusform>v%1: %n devices</numerusform></translation>
    </message>
    <message>
        <source>(not synced since %1)</source>
        <extracomment>Forms page: devices on an older version; when the least recent of them last synced. %1 date.</extracomment>
        <translation>(not synced since %1)</translation>
    </message>
    <message numerus="yes">
        <source>%n device(s) not reported</source>
        <extracomment>Forms page: devices that have not said which version they hold (an older app). %n number of devices.</extracomment>
        <translation><numerusform>%n device not reported</numerusform><numerusform>%n devices not reported</numerusform></translation>
    </message>
    <message>
        <source>no device has reported it yet</source>
        <extracomment>Forms page: no device has reported this form yet.</extracomment>
        <translation>no device has reported it yet</translation>
    </message>
    <message>
        <source>every role</source>
        <extracomment>Forms page: the form reaches every role.</extracomment>
        <translation>every role</translation>
    </message>
    <message>
        <source>every school</source>
        <extracomment>Forms page: the form reaches every school.</extracomment>
        <translation>every school</translation>
    </message>
    <message>
        <source>For %1 · %2</source>
        <extracomment>Forms page: who the form reaches. %1 roles, %2 schools.</extracomment>
        <translation>For %1 · %2</translation>
    </message>
    <message>
        <source>Draft waiting</source>
        <extracomment>Forms page: a draft is waiting to be published.</extracomment>
        <translation>Draft waiting</translation>
    </message>
    <message>
        <source>v%1 goes out with the next sync</source>
        <extracomment>Forms page: the draft was published here and goes out with the next sync. %1 version.</extracomment>
        <translation>v%1 goes out with the next sync</translation>
    </message>
    <message>
        <source>Refused by the server: %1</source>
        <extracomment>Forms page: the server refused the published draft. %1 the server's reason.</extracomment>
        <translation>Refused by the server: %1</translation>
    </message>
    <message>
        <source>+ %1 added</source>
        <extracomment>Forms page preview: a field the new version adds. %1 field name.</extracomment>
        <translation>+ %1 added</translation>
    </message>
    <message>
        <source>− %1 removed</source>
        <extracomment>Forms page preview: a field the new version removes. %1 field name.</extracomment>
        <translation>− %1 removed</translation>
    </message>
    <message>
        <source>~ %1 changed: %2</source>
        <extracomment>Forms page preview: a field the new version changes. %1 field name, %2 what changed (label, type, ...).</extracomment>
        <translation>~ %1 changed: %2</translation>
    </message>
    <message>
        <source>Import a form</source>
        <extracomment>Title of the file dialog for importing a form.</extracomment>
        <translation>Import a form</translation>
    </message>
    <message>
        <source>Forms (*.xlsx *.json)</source>
        <extracomment>File dialog filter for form definitions and XLSForm workbooks.</extracomment>
        <translation>Forms (*.xlsx *.json)</translation>
    </message>
    <message>
        <source>Import .xlsx or .json…</source>
        <extracomment>Forms page: import a form definition or an XLSForm workbook as a draft.</extracomment>
        <translation>Import .xlsx or .json…</translation>
    </message>
    <message>
        <source>Devices as of %1</source>
        <extracomment>Forms page: when the device list (which versions devices hold) is from. %1 date and time.</extracomment>
        <translation>Devices as of %1</translation>
    </message>
    <message>
        <source>No device list yet: it comes with the next sync.</source>
        <extracomment>Forms page: no device list yet.</extracomment>
        <translation>No device list yet: it comes with the next sync.</translation>
    </message>
    <message>
        <source>published v%1</source>
        <extracomment>Forms page: the published version. %1 version number.</extracomment>
        <translation>published v%1</translation>
    </message>
    <message>
        <source>not published yet</source>
        <extracomment>Forms page: the form has never been published.</extracomment>
        <translation>not published yet</translation>
    </message>
    <message>
        <source>Preview</source>
        <extracomment>Forms page: show the draft's preview.</extracomment>
        <translation>Preview</translation>
    </message>
    <message>
        <source>No forms yet. Import an XLSForm workbook or a form definition.</source>
        <extracomment>Forms page: no forms yet.</extracomment>
        <translation>No forms yet. Import an XLSForm workbook or a form definition.</translation>
    </message>
    <message>
        <source>Draft of %1, to become v%2</source>
        <extracomment>Forms page: heading of the draft's preview. %1 form id, %2 the version it will become.</extracomment>
        <translation>Draft of %1, to become v%2</translation>
    </message>
    <message>
        <source>From %1</source>
        <extracomment>Forms page preview: which file the draft came from. %1 file name.</extracomment>
        <translation>From %1</translation>
    </message>
    <message>
        <source>Changes from v%1:</source>
        <extracomment>Forms page preview: heading of the changes from the published version. %1 version.</extracomment>
        <translation>Changes from v%1:</translation>
    </message>
    <message>
        <source>A new form: every field is new.</source>
        <extracomment>Forms page preview: a form never published before.</extracomment>
        <translation>A new form: every field is new.</translation>
    </message>
    <message>
        <source>Publish v%1</source>
        <extracomment>Forms page: publish the draft as the next version (sent at the next sync).</extracomment>
        <translation>Publish v%1</translation>
    </message>
    <message>
        <source>Discard draft</source>
        <translation>Discard draft</translation>
    </message>
    <message>
        <source>heads</source>
        <extracomment>Forms page: the role of school heads.</extracomment>
        <translation>heads</translation>
    </message>
    <message>
        <source>teachers</source>
        <extracomment>Forms page: the role of teachers.</extracomment>
        <translation>teachers</translation>
    </message>
    <message>
        <source>inspectors</source>
        <extracomment>Forms page: the role of inspectors.</extracomment>
        <translation>inspectors</translation>
    </message>
    <message>
        <source>the bureau</source>
        <extracomment>Forms page: the role of bureau staff.</extracomment>
        <translation>the bureau</translation>
    </message>
</context>
<context>
    <name>BureauReviewPage</name>
    <message>
        <source>Review returns</source>
        <extracomment>Title of the bureau's review page.</extracomment>
        <translation>Review returns</translation>
    </message>
    <message>
        <source>Waiting for review</source>
        <extracomment>Review filter: returns waiting for the bureau's review.</extracomment>
        <translation>Waiting for review</translation>
    </message>
    <message>
        <source>Returned</source>
        <extracomment>Review filter: returns sent back to the school.</extracomment>
        <translation>Returned</translation>
    </message>
    <message>
        <source>Accepted</source>
        <extracomment>Review filter: accepted returns.</extracomment>
        <translation>Accepted</translation>
    </message>
    <message>
        <source>All states</source>
        <extracomment>Review filter: every state.</extracomment>
        <translation>All states</translation>
    </message>
    <message>
        <source>All forms</source>
        <extracomment>Review filter: every form.</extracomment>
        <translation>All forms</translation>
    </message>
    <message>
        <source>All periods</source>
        <extracomment>Review filter: every period.</extracomment>
        <translation>All periods</translation>
    </message>
    <message>
        <source>All townships</source>
        <extracomment>Review filter: every township.</extracomment>
        <translation>All townships</translation>
    </message>
    <message>
        <source>Accept %1 ticked</source>
        <extracomment>Review page: accept every ticked return at once. %1 is how many.</extracomment>
        <translation>Accept %1 ticked</translation>
    </message>
    <message>
        <source>Select for accepting</source>
        <extracomment>Accessible name of the tick box that selects a return for accepting several at once.</extracomment>
        <translation>Select for accepting</translation>
    </message>
    <message>
        <source>Sent %1</source>
        <extracomment>Review list: the day the school sent the return. %1 is the date.</extracomment>
        <translation>Sent %1</translation>
    </message>
    <message numerus="yes">
        <source>%n check(s)</source>
        <extracomment>Review list: how many checks flag this return. %n is the number.</extracomment>
        <translation><numerusform>%n check</numerusform><numerusform>%n checks</numerusform></translation>
    </message>
    <message>
        <source>Correction</source>
        <extracomment>Review list: this return corrects an earlier one.</extracomment>
        <translation>Correction</translation>
    </message>
    <message>
        <source>No returns here.</source>
        <extracomment>Review page: nothing matches the filters.</extracomment>
        <translation>No returns here.</translation>
    </message>
    <message>
        <source>‹ All returns</source>
        <extracomment>Review page on a phone: back from one return to the list.</extracomment>
        <translation>‹ All returns</translation>
    </message>
    <message>
        <source>%1, sent %2</source>
        <extracomment>Review detail: period and the day it was sent. %1 period, %2 date.</extracomment>
        <translation>%1, sent %2</translation>
    </message>
    <message>
        <source>%1 · head %2 · %3</source>
        <extracomment>Review detail: the school's township, head and phone. %1 township, %2 head, %3 phone.</extracomment>
        <translation>%1 · head %2 · %3</translation>
    </message>
    <message>
        <source>School's note: %1</source>
        <extracomment>Review detail: the school's reason for a correction. %1 is the reason.</extracomment>
        <translation>School's note: %1</translation>
    </message>
    <message>
        <source>Bureau's comment: %1</source>
        <extracomment>Review detail: the bureau's comment when it returned this. %1 is the comment.</extracomment>
        <translation>Bureau's comment: %1</translation>
    </message>
    <message>
        <source>Checks</source>
        <extracomment>Review detail heading: what the checks flag.</extracomment>
        <translation>Checks</translation>
    </message>
    <message>
        <source>Answers</source>
        <extracomment>Review detail heading: the answers beside last period's.</extracomment>
        <translation>Answers</translation>
    </message>
    <message>
        <source>Question</source>
        <extracomment>Review table column: the question.</extracomment>
        <translation>Question</translation>
    </message>
    <message>
        <source>This period</source>
        <extracomment>Review table column: this period's answer.</extracomment>
        <translation>This period</translation>
    </message>
    <message>
        <source>Last period (%1)</source>
        <extracomment>Review table column: last period's answer. %1 is that period, e.g. 2024-2025.</extracomment>
        <translation>Last period (%1)</translation>
    </message>
    <message>
        <source>Last period</source>
        <extracomment>Review table column: last period's answer, when there is none.</extracomment>
        <translation>Last period</translation>
    </message>
    <message>
        <source>History</source>
        <extracomment>Review detail heading: the earlier versions this return corrects.</extracomment>
        <translation>History</translation>
    </message>
    <message>
        <source>Decision</source>
        <extracomment>Review detail heading: the bureau's decision.</extracomment>
        <translation>Decision</translation>
    </message>
    <message>
        <source>Comment for the school (needed to return it)</source>
        <extracomment>Review page: where the bureau writes why a return goes back.</extracomment>
        <translation>Comment for the school (needed to return it)</translation>
    </message>
    <message>
        <source>Accept</source>
        <extracomment>Review page: accept this return (it is then locked).</extracomment>
        <translation>Accept</translation>
    </message>
    <message>
        <source>Return with comment</source>
        <extracomment>Review page: send this return back to the school with the comment.</extracomment>
        <translation>Return with comment</translation>
    </message>
    <message>
        <source>Returns</source>
        <extracomment>Review export: the file's name before the date.</extracomment>
        <translation>Returns</translation>
    </message>
</context>
<context>
    <name>BureauStatisticsPage</name>
    <message>
        <source>Statistics</source>
        <extracomment>Title of the bureau's statistics page.
----------
Statistics export: the file's name before the date (统计 = statistics).</extracomment>
        <translation>Statistics</translation>
    </message>
    <message>
        <source>total</source>
        <extracomment>Statistics: how a county number is made from the schools' answers: summed.</extracomment>
        <translation>total</translation>
    </message>
    <message>
        <source>rate over the totals</source>
        <extracomment>Statistics: a rate recomputed from the county totals by the form's formula.</extracomment>
        <translation>rate over the totals</translation>
    </message>
    <message>
        <source>average</source>
        <extracomment>Statistics: the average of the schools' answers.</extracomment>
        <translation>average</translation>
    </message>
    <message>
        <source>No form is filed per period yet.</source>
        <extracomment>Statistics page: no form is filed per period in this replica.</extracomment>
        <translation>No form is filed per period yet.</translation>
    </message>
    <message numerus="yes">
        <source>%1: %n school(s) counted (returns sent back for correction are not)</source>
        <extracomment>Statistics page: how many schools' returns are counted. %1 is the period, %n the number.</extracomment>
        <translation><numerusform>%1: %n school counted (returns sent back for correction are not)</numerusform><numerusform>%1: %n schools counted (returns sent back for correction are not)</numerusform></translation>
    </message>
    <message>
        <source>%1 by township</source>
        <extracomment>Statistics card heading: the charted number per township. %1 is the number's label.</extracomment>
        <translation>%1 by township</translation>
    </message>
    <message>
        <source>%1 over the periods</source>
        <extracomment>Statistics card heading: the charted number for the county over the periods. %1 is the number's label.</extracomment>
        <translation>%1 over the periods</translation>
    </message>
    <message>
        <source>County totals</source>
        <extracomment>Statistics card heading: every number for the county.</extracomment>
        <translation>County totals</translation>
    </message>
    <message>
        <source>Dropout cases</source>
        <extracomment>Statistics card heading: pupils who left school and the home visits about them.</extracomment>
        <translation>Dropout cases</translation>
    </message>
    <message>
        <source>%1 not back at school · %2 back at school · %3 not visited for 30 days</source>
        <extracomment>Dropout card summary. %1 not back at school, %2 back at school, %3 not visited for 30 days.</extracomment>
        <translation>%1 not back at school · %2 back at school · %3 not visited for 30 days</translation>
    </message>
    <message>
        <source>Township</source>
        <extracomment>Dropout table header: township.</extracomment>
        <translation>Township</translation>
    </message>
    <message>
        <source>Not back</source>
        <extracomment>Dropout table header: not back at school (short).</extracomment>
        <translation>Not back</translation>
    </message>
    <message>
        <source>Back to school</source>
        <extracomment>Dropout table header: back at school (short).</extracomment>
        <translation>Back to school</translation>
    </message>
    <message>
        <source>No visit 30 days</source>
        <extracomment>Dropout table header: not visited for 30 days (short).</extracomment>
        <translation>No visit 30 days</translation>
    </message>
    <message>
        <source>never visited</source>
        <extracomment>Dropout case: the family was never visited.</extracomment>
        <translation>never visited</translation>
    </message>
    <message numerus="yes">
        <source>last visit %n day(s) ago</source>
        <extracomment>Dropout case: days since the last home visit. %n is the number of days.</extracomment>
        <translation><numerusform>last visit %n day ago</numerusform><numerusform>last visit %n days ago</numerusform></translation>
    </message>
    <message>
        <source>and %1 more (all of them in the export)</source>
        <extracomment>Dropout card: more open cases than shown. %1 is how many more.</extracomment>
        <translation>and %1 more (all of them in the export)</translation>
    </message>
    <message>
        <source>Done vs planned in %1 (%2 to %3)</source>
        <extracomment>Statistics page: the period of the done vs planned cards. %1 is the period, %2 and %3 its first and last day.</extracomment>
        <translation>Done vs planned in %1 (%2 to %3)</translation>
    </message>
    <message>
        <source>Inspections done vs planned</source>
        <extracomment>Statistics card heading: inspections done against those planned (due in the period).</extracomment>
        <translation>Inspections done vs planned</translation>
    </message>
    <message>
        <source>By inspector</source>
        <extracomment>Done vs planned card: show the inspectors.</extracomment>
        <translation>By inspector</translation>
    </message>
    <message>
        <source>Home visits done vs targets</source>
        <extracomment>Statistics card heading: home visits made against the teachers' targets.</extracomment>
        <translation>Home visits done vs targets</translation>
    </message>
    <message>
        <source>By teacher</source>
        <extracomment>Done vs planned card: show the teachers.</extracomment>
        <translation>By teacher</translation>
    </message>
</context>
<context>
    <name>CameraPage</name>
    <message>
        <source>Take photo</source>
        <translation>Take photo</translation>
    </message>
    <message>
        <source>No camera was found on this device. Use "Choose photo" to pick a picture file instead.</source>
        <translation>No camera was found on this device. Use "Choose photo" to pick a picture file instead.</translation>
    </message>
    <message>
        <source>Cancel</source>
        <extracomment>Camera page: close without taking a photo.</extracomment>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Scan the bureau's QR code</source>
        <extracomment>Title of the camera page.</extracomment>
        <translation>Scan the bureau's QR code</translation>
    </message>
    <message>
        <source>No camera was found on this device. Type the enrolment code instead.</source>
        <extracomment>Camera page on a device without a camera.</extracomment>
        <translation>No camera was found on this device. Type the enrolment code instead.</translation>
    </message>
    <message>
        <source>Scan</source>
        <extracomment>Camera page: the shutter button (taking a picture of the bureau's QR code).</extracomment>
        <translation>Scan</translation>
    </message>
</context>
<context>
    <name>ConflictsPage</name>
    <message>
        <source>Conflicts</source>
        <extracomment>Title of the conflicts page.</extracomment>
        <translation>Conflicts</translation>
    </message>
    <message>
        <source>Two people changed the same information. Nothing was lost: choose which value is right, or type the right one.</source>
        <extracomment>Conflicts page: explanation.</extracomment>
        <translation>Two people changed the same information. Nothing was lost: choose which value is right, or type the right one.</translation>
    </message>
    <message>
        <source>Kept now</source>
        <extracomment>Conflicts: the value shown now.</extracomment>
        <translation>Kept now</translation>
    </message>
    <message>
        <source>Other value</source>
        <extracomment>Conflicts: the other value that lost.</extracomment>
        <translation>Other value</translation>
    </message>
    <message>
        <source>by %1, %2</source>
        <extracomment>Conflicts: who set the value and when. %1 user, %2 time.</extracomment>
        <translation>by %1, %2</translation>
    </message>
    <message>
        <source>Keep this</source>
        <extracomment>Conflicts: choose this value.</extracomment>
        <translation>Keep this</translation>
    </message>
    <message>
        <source>Or type the right value</source>
        <extracomment>Conflicts: type a different value instead.</extracomment>
        <translation>Or type the right value</translation>
    </message>
    <message>
        <source>Use</source>
        <extracomment>Conflicts: use the typed value.</extracomment>
        <translation>Use</translation>
    </message>
    <message>
        <source>No conflicts. Everything agrees with the bureau.</source>
        <extracomment>Conflicts page: nothing to settle.</extracomment>
        <translation>No conflicts. Everything agrees with the bureau.</translation>
    </message>
</context>
<context>
    <name>DateField</name>
    <message>
        <source>YYYY-MM-DD</source>
        <extracomment>Placeholder of a date box: the format to type.</extracomment>
        <translation>YYYY-MM-DD</translation>
    </message>
    <message>
        <source>Today</source>
        <extracomment>Button beside a date box: fills in today's date.</extracomment>
        <translation>Today</translation>
    </message>
</context>
<context>
    <name>DateTimeField</name>
    <message>
        <source>YYYY-MM-DD</source>
        <extracomment>Placeholder of a date box: the format to type.</extracomment>
        <translation>YYYY-MM-DD</translation>
    </message>
    <message>
        <source>HH:MM</source>
        <extracomment>Placeholder of a time box: the format to type.</extracomment>
        <translation>HH:MM</translation>
    </message>
    <message>
        <source>Now</source>
        <extracomment>Button beside a date-and-time answer: fills in the date and time now.</extracomment>
        <translation>Now</translation>
    </message>
    <message>
        <source>Time zone UTC%1</source>
        <extracomment>Under a date-and-time answer written in another time zone; %1 is e.g. "+07:00".</extracomment>
        <translation>Time zone UTC%1</translation>
    </message>
</context>
<context>
    <name>DoneVsPlannedCard</name>
    <message>
        <source>By township</source>
        <extracomment>Done vs planned card: show the townships.</extracomment>
        <translation>By township</translation>
    </message>
    <message>
        <source>Nothing planned in this period.</source>
        <extracomment>Done vs planned card: nothing planned in the period.</extracomment>
        <translation>Nothing planned in this period.</translation>
    </message>
    <message>
        <source>Township</source>
        <extracomment>Done vs planned table header: the township.</extracomment>
        <translation>Township</translation>
    </message>
    <message>
        <source>Done / planned</source>
        <extracomment>Done vs planned table header: done out of planned (short).</extracomment>
        <translation>Done / planned</translation>
    </message>
    <message>
        <source>Targets met</source>
        <extracomment>Done vs planned table header: teachers' targets reached (short).</extracomment>
        <translation>Targets met</translation>
    </message>
    <message>
        <source>Overdue</source>
        <extracomment>Done vs planned table header: inspections past due, not done (short).</extracomment>
        <translation>Overdue</translation>
    </message>
    <message>
        <source>County</source>
        <extracomment>Done vs planned table: the county's total row.</extracomment>
        <translation>County</translation>
    </message>
</context>
<context>
    <name>DropoutsPage</name>
    <message>
        <source>Dropouts</source>
        <extracomment>Title of the dropout-control page.</extracomment>
        <translation>Dropouts</translation>
    </message>
    <message>
        <source>Pupils who left school. Visit each family and record whether the pupil came back.</source>
        <extracomment>Dropouts page: explanation.</extracomment>
        <translation>Pupils who left school. Visit each family and record whether the pupil came back.</translation>
    </message>
    <message>
        <source>Grade %1 · Class %2</source>
        <translation>Grade %1 · Class %2</translation>
    </message>
    <message numerus="yes">
        <source>Last visit %1 · %n visit(s)</source>
        <extracomment>Dropouts: the last visit. %1 date, %2 number of visits.</extracomment>
        <translation><numerusform>Last visit %1 · %n visit</numerusform><numerusform>Last visit %1 · %n visits</numerusform></translation>
    </message>
    <message>
        <source>Not visited yet</source>
        <extracomment>Dropouts: no visit yet.</extracomment>
        <translation>Not visited yet</translation>
    </message>
    <message>
        <source>Next follow-up: %1</source>
        <extracomment>Dropouts: next follow-up visit date.</extracomment>
        <translation>Next follow-up: %1</translation>
    </message>
    <message>
        <source>Record visit</source>
        <extracomment>Dropouts: record a visit to this pupil's family.</extracomment>
        <translation>Record visit</translation>
    </message>
    <message>
        <source>Pupil details</source>
        <extracomment>Dropouts: open the pupil's page.</extracomment>
        <translation>Pupil details</translation>
    </message>
    <message>
        <source>No pupil has left school.</source>
        <extracomment>Dropouts: nobody left school.</extracomment>
        <translation>No pupil has left school.</translation>
    </message>
</context>
<context>
    <name>EngineAction</name>
    <message>
        <source>Wait for the previous request to finish.</source>
        <extracomment>A request to the bureau's server is still running (account administration, a record's history).</extracomment>
        <translation>Wait for the previous request to finish.</translation>
    </message>
    <message>
        <source>No account is open.</source>
        <extracomment>A request to the bureau's server needs an open account.</extracomment>
        <translation>No account is open.</translation>
    </message>
</context>
<context>
    <name>ExportButtons</name>
    <message>
        <source>Export Excel</source>
        <extracomment>Export button: save the page's tables as an Excel workbook.</extracomment>
        <translation>Export Excel</translation>
    </message>
    <message>
        <source>Export CSV</source>
        <extracomment>Export button: save the page's tables as a CSV file.</extracomment>
        <translation>Export CSV</translation>
    </message>
    <message>
        <source>Saved to %1</source>
        <extracomment>Export: where the file was saved. %1 is the file's path.</extracomment>
        <translation>Saved to %1</translation>
    </message>
    <message>
        <source>Not saved: %1</source>
        <extracomment>Export: the file could not be written. %1 says why.</extracomment>
        <translation>Not saved: %1</translation>
    </message>
</context>
<context>
    <name>FormFillPage</name>
    <message>
        <source>Form</source>
        <translation>Form</translation>
    </message>
    <message>
        <source>Page %1 of %2: %3</source>
        <extracomment>Form filling: which page. %1 current, %2 total pages (the review page is not counted).</extracomment>
        <translation>Page %1 of %2: %3</translation>
    </message>
    <message>
        <source>Ready to submit</source>
        <extracomment>Review page: heading of the list of problems.</extracomment>
        <translation>Ready to submit</translation>
    </message>
    <message>
        <source>Please fix these first</source>
        <translation>Please fix these first</translation>
    </message>
    <message>
        <source>All answers are complete. Check them below, then submit.</source>
        <extracomment>Review page: all answers are acceptable.</extracomment>
        <translation>All answers are complete. Check them below, then submit.</translation>
    </message>
    <message>
        <source>Previous</source>
        <extracomment>Form filling: go to the previous page.</extracomment>
        <translation>Previous</translation>
    </message>
    <message>
        <source>Draft saved</source>
        <extracomment>Form filling: the draft is saved automatically.</extracomment>
        <translation>Draft saved</translation>
    </message>
    <message>
        <source>Submit</source>
        <extracomment>Form filling: submit the form to the bureau.</extracomment>
        <translation>Submit</translation>
    </message>
    <message>
        <source>Next</source>
        <extracomment>Form filling: go to the next page.</extracomment>
        <translation>Next</translation>
    </message>
    <message>
        <source>Submitted</source>
        <extracomment>Dialog after submitting a form.</extracomment>
        <translation>Submitted</translation>
    </message>
    <message>
        <source>The form is saved and will be sent to the bureau at the next sync. You can follow it under Submissions.</source>
        <extracomment>Dialog after submitting a form: what happens next.</extracomment>
        <translation>The form is saved and will be sent to the bureau at the next sync. You can follow it under Submissions.</translation>
    </message>
    <message>
        <source>Preview: nothing is saved</source>
        <extracomment>Form filling in the bureau's preview: nothing typed is saved or sent.</extracomment>
        <translation>Preview: nothing is saved</translation>
    </message>
</context>
<context>
    <name>FormsPage</name>
    <message>
        <source>Forms</source>
        <extracomment>Title of the forms page.</extracomment>
        <translation>Forms</translation>
    </message>
    <message>
        <source>Version %1</source>
        <extracomment>Forms list: the form's version number.</extracomment>
        <translation>Version %1</translation>
    </message>
    <message>
        <source>No forms yet. Forms published by the bureau arrive with the next sync.</source>
        <extracomment>Forms page: none yet.</extracomment>
        <translation>No forms yet. Forms published by the bureau arrive with the next sync.</translation>
    </message>
</context>
<context>
    <name>HomePage</name>
    <message>
        <source>Home</source>
        <extracomment>Title of the home page.</extracomment>
        <translation>Home</translation>
    </message>
    <message>
        <source>Hello, %1</source>
        <extracomment>Home greeting. %1 is the person's user name.</extracomment>
        <translation>Hello, %1</translation>
    </message>
    <message>
        <source>What needs doing</source>
        <extracomment>Home card heading: the list of tasks.</extracomment>
        <translation>What needs doing</translation>
    </message>
    <message>
        <source>Drafts to finish</source>
        <extracomment>Home task: drafts not yet submitted.</extracomment>
        <translation>Drafts to finish</translation>
    </message>
    <message>
        <source>Returned for correction</source>
        <extracomment>Home task: submissions the bureau returned with a comment, to correct.</extracomment>
        <translation>Returned for correction</translation>
    </message>
    <message>
        <source>Follow-up visits due</source>
        <extracomment>Home task: home visits whose follow-up date is today or past, pupil not back at school.</extracomment>
        <translation>Follow-up visits due</translation>
    </message>
    <message>
        <source>Pupils who left school</source>
        <extracomment>Home task: pupils who left school (dropout control).</extracomment>
        <translation>Pupils who left school</translation>
    </message>
    <message>
        <source>Conflicts to settle</source>
        <extracomment>Home task: sync conflicts to settle.</extracomment>
        <translation>Conflicts to settle</translation>
    </message>
    <message>
        <source>Sync with the bureau</source>
        <extracomment>Home card heading: sync with the bureau.</extracomment>
        <translation>Sync with the bureau</translation>
    </message>
    <message>
        <source>Quick actions</source>
        <extracomment>Home card heading: shortcuts.</extracomment>
        <translation>Quick actions</translation>
    </message>
    <message>
        <source>New home visit</source>
        <extracomment>Home shortcut: record a new home visit.</extracomment>
        <translation>New home visit</translation>
    </message>
    <message>
        <source>Add pupil</source>
        <extracomment>Home shortcut: add a pupil.</extracomment>
        <translation>Add pupil</translation>
    </message>
    <message>
        <source>Forms due</source>
        <extracomment>Home task: forms this person must file for the current period (school year, term, month) and has not submitted yet.</extracomment>
        <translation>Forms due</translation>
    </message>
    <message>
        <source>Refused by the server</source>
        <extracomment>Home task: changes the server refused (the reason is shown on each).</extracomment>
        <translation>Refused by the server</translation>
    </message>
    <message>
        <source>Returns to review</source>
        <extracomment>Home task (bureau): returns the schools sent that wait for the bureau's review.</extracomment>
        <translation>Returns to review</translation>
    </message>
    <message>
        <source>Schools that have not reported</source>
        <extracomment>Home task (bureau): schools whose return for the current period is overdue.</extracomment>
        <translation>Schools that have not reported</translation>
    </message>
    <message>
        <source>Returned, waiting for the school</source>
        <extracomment>Home task (bureau): returns sent back to schools, waiting for their correction.</extracomment>
        <translation>Returned, waiting for the school</translation>
    </message>
    <message>
        <source>Nothing needs doing now.</source>
        <extracomment>Home: nothing needs doing.</extracomment>
        <translation>Nothing needs doing now.</translation>
    </message>
    <message>
        <source>Inspections in progress</source>
        <extracomment>Home task: inspections started and not yet saved as done.</extracomment>
        <translation>Inspections in progress</translation>
    </message>
    <message>
        <source>Inspections assigned to you</source>
        <extracomment>Home task (inspector): inspections the bureau assigned to this person, not yet done.</extracomment>
        <translation>Inspections assigned to you</translation>
    </message>
    <message>
        <source>Home visits to reach your target</source>
        <extracomment>Home task (teacher): home visits still to make to reach the target the head set.</extracomment>
        <translation>Home visits to reach your target</translation>
    </message>
    <message>
        <source>Home-visit targets</source>
        <extracomment>Home card heading (head): home-visit targets for the school's teachers.</extracomment>
        <translation>Home-visit targets</translation>
    </message>
    <message>
        <source>%1 / %2 visits · %3</source>
        <extracomment>Home-visit target progress. %1 visits done, %2 the target, %3 the period.</extracomment>
        <translation>%1 / %2 visits · %3</translation>
    </message>
    <message>
        <source>Teacher's account</source>
        <extracomment>Home (head): the teacher's account name for a home-visit target.</extracomment>
        <translation>Teacher's account</translation>
    </message>
    <message>
        <source>Set this month's target</source>
        <extracomment>Home (head): sets the teacher's home-visit target for this month.</extracomment>
        <translation>Set this month's target</translation>
    </message>
    <message>
        <source>Choose a teacher…</source>
        <extracomment>Home (head): the first line of the list of the school's teachers for a home-visit target.</extracomment>
        <translation>Choose a teacher…</translation>
    </message>
    <message>
        <source>%1 is not among the teachers this phone knows; it is kept, and the bureau's server checks it at the next sync.</source>
        <extracomment>Home (head): the typed account is not among the school's teachers this phone knows. %1 the account.</extracomment>
        <translation>%1 is not among the teachers this phone knows; it is kept, and the bureau's server checks it at the next sync.</translation>
    </message>
</context>
<context>
    <name>HomeVisitPage</name>
    <message>
        <source>Home visit</source>
        <extracomment>Title when editing a home visit.</extracomment>
        <translation>Home visit</translation>
    </message>
    <message>
        <source>New home visit</source>
        <extracomment>Title when recording a new home visit.</extracomment>
        <translation>New home visit</translation>
    </message>
    <message>
        <source>Routine</source>
        <extracomment>Home visit reason.</extracomment>
        <translation>Routine</translation>
    </message>
    <message>
        <source>Dropout risk</source>
        <extracomment>Home visit reason.</extracomment>
        <translation>Dropout risk</translation>
    </message>
    <message>
        <source>Pupil left school</source>
        <extracomment>Home visit reason.</extracomment>
        <translation>Pupil left school</translation>
    </message>
    <message>
        <source>Returned pupil</source>
        <extracomment>Home visit reason.</extracomment>
        <translation>Returned pupil</translation>
    </message>
    <message>
        <source>Left-behind child</source>
        <extracomment>Home visit reason.</extracomment>
        <translation>Left-behind child</translation>
    </message>
    <message>
        <source>Choose the pupil first.</source>
        <translation>Choose the pupil first.</translation>
    </message>
    <message>
        <source>Enter the date of the visit.</source>
        <translation>Enter the date of the visit.</translation>
    </message>
    <message>
        <source>Pupil</source>
        <extracomment>Home visit form label.</extracomment>
        <translation>Pupil</translation>
    </message>
    <message>
        <source>Grade %1 · Class %2</source>
        <translation>Grade %1 · Class %2</translation>
    </message>
    <message>
        <source>Type a name to find the pupil</source>
        <extracomment>Home visit: search box to pick the pupil.</extracomment>
        <translation>Type a name to find the pupil</translation>
    </message>
    <message>
        <source>Visitors</source>
        <extracomment>Home visit form label.</extracomment>
        <translation>Visitors</translation>
    </message>
    <message>
        <source>Date of visit</source>
        <extracomment>Home visit form label.</extracomment>
        <translation>Date of visit</translation>
    </message>
    <message>
        <source>Reason</source>
        <extracomment>Home visit form label.</extracomment>
        <translation>Reason</translation>
    </message>
    <message>
        <source>Who was met</source>
        <extracomment>Home visit form label: family members met.</extracomment>
        <translation>Who was met</translation>
    </message>
    <message>
        <source>What was found</source>
        <extracomment>Home visit form label.</extracomment>
        <translation>What was found</translation>
    </message>
    <message>
        <source>What was agreed</source>
        <extracomment>Home visit form label.</extracomment>
        <translation>What was agreed</translation>
    </message>
    <message>
        <source>Back at school</source>
        <extracomment>Home visit: the pupil has come back to school.</extracomment>
        <translation>Back at school</translation>
    </message>
    <message>
        <source>Follow-up date</source>
        <extracomment>Home visit form label.</extracomment>
        <translation>Follow-up date</translation>
    </message>
    <message>
        <source>Location</source>
        <extracomment>Home visit form label.</extracomment>
        <translation>Location</translation>
    </message>
    <message>
        <source>Photo</source>
        <extracomment>Home visit form label.</extracomment>
        <translation>Photo</translation>
    </message>
    <message>
        <source>Guardian's signature</source>
        <extracomment>Home visit form label.</extracomment>
        <translation>Guardian's signature</translation>
    </message>
    <message>
        <source>Saved on this phone. It will be sent to the bureau at the next sync.</source>
        <extracomment>Home visit: confirmation after saving.</extracomment>
        <translation>Saved on this phone. It will be sent to the bureau at the next sync.</translation>
    </message>
    <message>
        <source>Save</source>
        <extracomment>Save button.</extracomment>
        <translation>Save</translation>
    </message>
</context>
<context>
    <name>InspectionPage</name>
    <message>
        <source>Inspections</source>
        <extracomment>Title of the inspections page.</extracomment>
        <translation>Inspections</translation>
    </message>
    <message>
        <source>Teaching</source>
        <extracomment>Inspection checklist item.</extracomment>
        <translation>Teaching</translation>
    </message>
    <message>
        <source>Safety</source>
        <extracomment>Inspection checklist item.</extracomment>
        <translation>Safety</translation>
    </message>
    <message>
        <source>Hygiene</source>
        <extracomment>Inspection checklist item.</extracomment>
        <translation>Hygiene</translation>
    </message>
    <message>
        <source>Canteen</source>
        <extracomment>Inspection checklist item.</extracomment>
        <translation>Canteen</translation>
    </message>
    <message>
        <source>Buildings</source>
        <extracomment>Inspection checklist item.</extracomment>
        <translation>Buildings</translation>
    </message>
    <message>
        <source>Records</source>
        <extracomment>Inspection checklist item.</extracomment>
        <translation>Records</translation>
    </message>
    <message>
        <source>Fees</source>
        <extracomment>Inspection checklist item.</extracomment>
        <translation>Fees</translation>
    </message>
    <message>
        <source>+ New inspection</source>
        <extracomment>Inspections: start a new inspection.</extracomment>
        <translation>+ New inspection</translation>
    </message>
    <message>
        <source>Done</source>
        <extracomment>Inspection status.</extracomment>
        <translation>Done</translation>
    </message>
    <message>
        <source>Assigned</source>
        <extracomment>Inspection status.</extracomment>
        <translation>Assigned</translation>
    </message>
    <message>
        <source>Checklist</source>
        <extracomment>Inspection: heading of the checklist.</extracomment>
        <translation>Checklist</translation>
    </message>
    <message>
        <source>Pass</source>
        <extracomment>Inspection checklist: the item passes.</extracomment>
        <translation>Pass</translation>
    </message>
    <message>
        <source>Fail</source>
        <extracomment>Inspection checklist: the item fails.</extracomment>
        <translation>Fail</translation>
    </message>
    <message>
        <source>Note</source>
        <extracomment>Inspection checklist: a note on the item.</extracomment>
        <translation>Note</translation>
    </message>
    <message>
        <source>Problems found</source>
        <extracomment>Inspection: problems found.</extracomment>
        <translation>Problems found</translation>
    </message>
    <message>
        <source>Rectification deadline</source>
        <extracomment>Inspection: deadline to fix the problems (整改期限).</extracomment>
        <translation>Rectification deadline</translation>
    </message>
    <message>
        <source>Photo</source>
        <extracomment>Inspection: photos.</extracomment>
        <translation>Photo</translation>
    </message>
    <message>
        <source>Head's signature</source>
        <extracomment>Inspection: the school head signs.</extracomment>
        <translation>Head's signature</translation>
    </message>
    <message>
        <source>Save inspection</source>
        <extracomment>Inspection: save and mark as done.</extracomment>
        <translation>Save inspection</translation>
    </message>
    <message>
        <source>Choose an inspection on the left, or start a new one.</source>
        <extracomment>Inspections: nothing chosen yet (desktop).</extracomment>
        <translation>Choose an inspection on the left, or start a new one.</translation>
    </message>
    <message>
        <source>Assigned to you</source>
        <extracomment>Inspections: heading of the inspections the bureau assigned to this person.</extracomment>
        <translation>Assigned to you</translation>
    </message>
    <message>
        <source>Overdue: due %1 · %2</source>
        <extracomment>Assigned inspection: overdue. %1 the due day, %2 the checklist.</extracomment>
        <translation>Overdue: due %1 · %2</translation>
    </message>
    <message>
        <source>Due %1 · %2</source>
        <extracomment>Assigned inspection: due. %1 the due day, %2 the checklist.</extracomment>
        <translation>Due %1 · %2</translation>
    </message>
</context>
<context>
    <name>LabeledValue</name>
    <message>
        <source>—</source>
        <extracomment>Shown for a value that is not filled in.</extracomment>
        <translation>—</translation>
    </message>
</context>
<context>
    <name>LocationField</name>
    <message>
        <source>Looking for the position…</source>
        <translation>Looking for the position…</translation>
    </message>
    <message>
        <source>Tap to record where you are, or type the position.</source>
        <extracomment>Location field: a position source exists.</extracomment>
        <translation>Tap to record where you are, or type the position.</translation>
    </message>
    <message>
        <source>No position source on this device: type latitude and longitude.</source>
        <extracomment>Location field: the device has no GPS / positioning.</extracomment>
        <translation>No position source on this device: type latitude and longitude.</translation>
    </message>
    <message>
        <source>Record position</source>
        <extracomment>Location field: start reading the position.</extracomment>
        <translation>Record position</translation>
    </message>
    <message>
        <source>Latitude</source>
        <extracomment>Placeholder: latitude in degrees.</extracomment>
        <translation>Latitude</translation>
    </message>
    <message>
        <source>Longitude</source>
        <extracomment>Placeholder: longitude in degrees.</extracomment>
        <translation>Longitude</translation>
    </message>
</context>
<context>
    <name>Main</name>
    <message>
        <source>Cunxiao village school data</source>
        <extracomment>Window title: the app's name.</extracomment>
        <translation>Cunxiao village school data</translation>
    </message>
    <message>
        <source>Home</source>
        <extracomment>Navigation item: the home screen.</extracomment>
        <translation>Home</translation>
    </message>
    <message>
        <source>Pupils</source>
        <extracomment>Navigation item: the pupil roster.</extracomment>
        <translation>Pupils</translation>
    </message>
    <message>
        <source>Forms</source>
        <extracomment>Navigation item (bureau): the county's forms: publish a new version, who has which.
----------
Navigation item: forms to fill.</extracomment>
        <translation>Forms</translation>
    </message>
    <message>
        <source>Submissions</source>
        <extracomment>Navigation item: drafts and submitted forms.</extracomment>
        <translation>Submissions</translation>
    </message>
    <message>
        <source>Dropouts</source>
        <extracomment>Navigation item: pupils who left school (dropout control).</extracomment>
        <translation>Dropouts</translation>
    </message>
    <message>
        <source>Inspections</source>
        <extracomment>Navigation item: school inspections.</extracomment>
        <translation>Inspections</translation>
    </message>
    <message>
        <source>Conflicts</source>
        <extracomment>Navigation item: sync conflicts to settle.</extracomment>
        <translation>Conflicts</translation>
    </message>
    <message>
        <source>Settings</source>
        <extracomment>Navigation item: settings.</extracomment>
        <translation>Settings</translation>
    </message>
    <message>
        <source>Back</source>
        <extracomment>Accessible name of the header button (back or menu).</extracomment>
        <translation>Back</translation>
    </message>
    <message>
        <source>Menu</source>
        <translation>Menu</translation>
    </message>
    <message>
        <source>Cunxiao</source>
        <extracomment>Drawer heading: the app's short name.</extracomment>
        <translation>Cunxiao</translation>
    </message>
    <message>
        <source>Review returns</source>
        <extracomment>Navigation item (bureau): returns to review, accept or send back.</extracomment>
        <translation>Review returns</translation>
    </message>
    <message>
        <source>Completeness</source>
        <extracomment>Navigation item (bureau): which schools have reported.</extracomment>
        <translation>Completeness</translation>
    </message>
    <message>
        <source>Statistics</source>
        <extracomment>Navigation item (bureau): what the returns add up to, with charts.</extracomment>
        <translation>Statistics</translation>
    </message>
    <message>
        <source>Devices</source>
        <extracomment>Navigation item (bureau): the county's devices and their health.</extracomment>
        <translation>Devices</translation>
    </message>
    <message>
        <source>Accounts</source>
        <extracomment>Navigation item (bureau): accounts, schools and enrolling phones.</extracomment>
        <translation>Accounts</translation>
    </message>
    <message>
        <source>Assignments</source>
        <extracomment>Navigation item (bureau): inspections planned for inspectors, and home-visit targets.</extracomment>
        <translation>Assignments</translation>
    </message>
</context>
<context>
    <name>PhotoPicker</name>
    <message>
        <source>Choose photo</source>
        <extracomment>Photo field: pick a picture file.</extracomment>
        <translation>Choose photo</translation>
    </message>
    <message>
        <source>Replace photo</source>
        <extracomment>Photo field: pick another picture file instead of this one.</extracomment>
        <translation>Replace photo</translation>
    </message>
    <message>
        <source>Take photo</source>
        <extracomment>Photo field: take a picture with the camera.</extracomment>
        <translation>Take photo</translation>
    </message>
    <message>
        <source>Choose a photo</source>
        <extracomment>Title of the file dialog for photos.</extracomment>
        <translation>Choose a photo</translation>
    </message>
    <message>
        <source>Pictures (*.jpg *.jpeg *.png)</source>
        <extracomment>File dialog filter for pictures.</extracomment>
        <translation>Pictures (*.jpg *.jpeg *.png)</translation>
    </message>
    <message>
        <source>Add photo</source>
        <extracomment>Photo field with several photos: pick one more picture file.</extracomment>
        <translation>Add photo</translation>
    </message>
</context>
<context>
    <name>PinPage</name>
    <message>
        <source>Choose a PIN</source>
        <extracomment>PIN page title when setting a new PIN.</extracomment>
        <translation>Choose a PIN</translation>
    </message>
    <message>
        <source>Unlock</source>
        <extracomment>PIN page title when unlocking.</extracomment>
        <translation>Unlock</translation>
    </message>
    <message>
        <source>Type the PIN of %1.</source>
        <extracomment>PIN page explanation when unlocking. %1 is the user name.</extracomment>
        <translation>Type the PIN of %1.</translation>
    </message>
    <message>
        <source>PIN</source>
        <extracomment>Placeholder of the PIN box.</extracomment>
        <translation>PIN</translation>
    </message>
    <message>
        <source>PIN again</source>
        <extracomment>Placeholder of the second PIN box (type the PIN again).</extracomment>
        <translation>PIN again</translation>
    </message>
    <message>
        <source>Save PIN</source>
        <extracomment>PIN page button: save the new PIN / unlock.</extracomment>
        <translation>Save PIN</translation>
    </message>
    <message>
        <source>The two PINs are not the same.</source>
        <extracomment>PIN page: the two PINs differ.</extracomment>
        <translation>The two PINs are not the same.</translation>
    </message>
    <message>
        <source>Sign out</source>
        <extracomment>PIN page: sign out instead of unlocking (the data stays encrypted on the phone).</extracomment>
        <translation>Sign out</translation>
    </message>
    <message>
        <source>A PIN of %1 to 12 digits opens the app on this phone without a connection. It also locks the pupils' data stored here, so a lost phone gives nothing away.</source>
        <extracomment>PIN page explanation when choosing a PIN.</extracomment>
        <translation>A PIN of %1 to 12 digits opens the app on this phone without a connection. It also locks the pupils' data stored here, so a lost phone gives nothing away.</translation>
    </message>
    <message>
        <source>Type the account password of %1 to open the data on this phone. Then choose a new PIN.</source>
        <extracomment>PIN page explanation when the password is needed. %1 is the user name.</extracomment>
        <translation>Type the account password of %1 to open the data on this phone. Then choose a new PIN.</translation>
    </message>
    <message>
        <source>Account password</source>
        <extracomment>Placeholder of the password box on the unlock page.</extracomment>
        <translation>Account password</translation>
    </message>
    <message>
        <source>The PIN needs at least %1 digits.</source>
        <extracomment>PIN page: the PIN is too short. %1 is the least number of digits.</extracomment>
        <translation>The PIN needs at least %1 digits.</translation>
    </message>
    <message numerus="yes">
        <source>%n wrong PIN(s) more and only the account password will open the app.</source>
        <extracomment>PIN page warning before the last tries. %n is the number of tries left.</extracomment>
        <translation><numerusform>%n wrong PIN more and only the account password will open the app.</numerusform><numerusform>%n wrong PINs more and only the account password will open the app.</numerusform></translation>
    </message>
    <message>
        <source>Forgot the PIN? Use the password</source>
        <extracomment>PIN page: unlock with the account password instead (forgotten PIN).</extracomment>
        <translation>Forgot the PIN? Use the password</translation>
    </message>
</context>
<context>
    <name>PupilEditPage</name>
    <message>
        <source>Edit pupil</source>
        <extracomment>Title when editing a pupil.</extracomment>
        <translation>Edit pupil</translation>
    </message>
    <message>
        <source>Add pupil</source>
        <extracomment>Title when adding a pupil.</extracomment>
        <translation>Add pupil</translation>
    </message>
    <message>
        <source>Please enter the pupil's name.</source>
        <translation>Please enter the pupil's name.</translation>
    </message>
    <message>
        <source>Name</source>
        <extracomment>Pupil form label.</extracomment>
        <translation>Name</translation>
    </message>
    <message>
        <source>Gender</source>
        <extracomment>Pupil form label.</extracomment>
        <translation>Gender</translation>
    </message>
    <message>
        <source>Male</source>
        <translation>Male</translation>
    </message>
    <message>
        <source>Female</source>
        <translation>Female</translation>
    </message>
    <message>
        <source>Birth date</source>
        <extracomment>Pupil form label.</extracomment>
        <translation>Birth date</translation>
    </message>
    <message>
        <source>Ethnicity</source>
        <extracomment>Pupil form label.</extracomment>
        <translation>Ethnicity</translation>
    </message>
    <message>
        <source>Grade</source>
        <extracomment>Pupil form label.</extracomment>
        <translation>Grade</translation>
    </message>
    <message>
        <source>Class</source>
        <extracomment>Pupil form label.</extracomment>
        <translation>Class</translation>
    </message>
    <message>
        <source>Guardian</source>
        <extracomment>Pupil form label.</extracomment>
        <translation>Guardian</translation>
    </message>
    <message>
        <source>Guardian's phone</source>
        <extracomment>Pupil form label.</extracomment>
        <translation>Guardian's phone</translation>
    </message>
    <message>
        <source>Village</source>
        <extracomment>Pupil form label.</extracomment>
        <translation>Village</translation>
    </message>
    <message>
        <source>Boarding</source>
        <translation>Boarding</translation>
    </message>
    <message>
        <source>Left-behind child</source>
        <translation>Left-behind child</translation>
    </message>
    <message>
        <source>Disability</source>
        <translation>Disability</translation>
    </message>
    <message>
        <source>In school</source>
        <translation>In school</translation>
    </message>
    <message>
        <source>Save</source>
        <extracomment>Save button.</extracomment>
        <translation>Save</translation>
    </message>
</context>
<context>
    <name>PupilPage</name>
    <message>
        <source>Pupil</source>
        <translation>Pupil</translation>
    </message>
    <message>
        <source>Yes</source>
        <extracomment>A yes/no value on the pupil page.</extracomment>
        <translation>Yes</translation>
    </message>
    <message>
        <source>No</source>
        <translation>No</translation>
    </message>
    <message>
        <source>Routine</source>
        <extracomment>Home visit reason.</extracomment>
        <translation>Routine</translation>
    </message>
    <message>
        <source>Dropout risk</source>
        <extracomment>Home visit reason.</extracomment>
        <translation>Dropout risk</translation>
    </message>
    <message>
        <source>Pupil left school</source>
        <extracomment>Home visit reason.</extracomment>
        <translation>Pupil left school</translation>
    </message>
    <message>
        <source>Returned pupil</source>
        <extracomment>Home visit reason.</extracomment>
        <translation>Returned pupil</translation>
    </message>
    <message>
        <source>Left-behind child</source>
        <extracomment>Home visit reason.
----------
Pupil field label: parents work away (留守儿童).</extracomment>
        <translation>Left-behind child</translation>
    </message>
    <message>
        <source>Edit</source>
        <extracomment>Pupil page: edit the pupil's details.</extracomment>
        <translation>Edit</translation>
    </message>
    <message>
        <source>New home visit</source>
        <extracomment>Pupil page: record a home visit for this pupil.</extracomment>
        <translation>New home visit</translation>
    </message>
    <message>
        <source>Details</source>
        <extracomment>Pupil page card heading.</extracomment>
        <translation>Details</translation>
    </message>
    <message>
        <source>Gender</source>
        <extracomment>Pupil field label.</extracomment>
        <translation>Gender</translation>
    </message>
    <message>
        <source>Female</source>
        <translation>Female</translation>
    </message>
    <message>
        <source>Male</source>
        <translation>Male</translation>
    </message>
    <message>
        <source>Birth date</source>
        <extracomment>Pupil field label.</extracomment>
        <translation>Birth date</translation>
    </message>
    <message>
        <source>Ethnicity</source>
        <extracomment>Pupil field label.</extracomment>
        <translation>Ethnicity</translation>
    </message>
    <message>
        <source>Grade and class</source>
        <extracomment>Pupil field label: grade and class.</extracomment>
        <translation>Grade and class</translation>
    </message>
    <message>
        <source>Grade %1 · Class %2</source>
        <translation>Grade %1 · Class %2</translation>
    </message>
    <message>
        <source>Guardian</source>
        <extracomment>Pupil field label.</extracomment>
        <translation>Guardian</translation>
    </message>
    <message>
        <source>Guardian's phone</source>
        <extracomment>Pupil field label.</extracomment>
        <translation>Guardian's phone</translation>
    </message>
    <message>
        <source>Village</source>
        <extracomment>Pupil field label.</extracomment>
        <translation>Village</translation>
    </message>
    <message>
        <source>Boarding</source>
        <extracomment>Pupil field label: lives at school.</extracomment>
        <translation>Boarding</translation>
    </message>
    <message>
        <source>Disability</source>
        <extracomment>Pupil field label.</extracomment>
        <translation>Disability</translation>
    </message>
    <message>
        <source>Status</source>
        <extracomment>Pupil field label: in school or left.</extracomment>
        <translation>Status</translation>
    </message>
    <message>
        <source>Left school</source>
        <translation>Left school</translation>
    </message>
    <message>
        <source>In school</source>
        <translation>In school</translation>
    </message>
    <message>
        <source>Home visits (%1)</source>
        <extracomment>Pupil page card heading: list of home visits.</extracomment>
        <translation>Home visits (%1)</translation>
    </message>
    <message>
        <source>No home visits recorded yet.</source>
        <extracomment>Pupil page: no visits yet.</extracomment>
        <translation>No home visits recorded yet.</translation>
    </message>
    <message>
        <source>Follow up on %1</source>
        <extracomment>Visit history: the follow-up date.</extracomment>
        <translation>Follow up on %1</translation>
    </message>
</context>
<context>
    <name>PupilsPage</name>
    <message>
        <source>Pupils</source>
        <extracomment>Title of the roster page.</extracomment>
        <translation>Pupils</translation>
    </message>
    <message>
        <source>Search by name</source>
        <extracomment>Placeholder of the roster search box.</extracomment>
        <translation>Search by name</translation>
    </message>
    <message>
        <source>All grades</source>
        <extracomment>Roster filter: all grades.</extracomment>
        <translation>All grades</translation>
    </message>
    <message>
        <source>Grade %1</source>
        <extracomment>Roster filter: grade number %1.</extracomment>
        <translation>Grade %1</translation>
    </message>
    <message>
        <source>All classes</source>
        <extracomment>Roster filter: all classes.</extracomment>
        <translation>All classes</translation>
    </message>
    <message>
        <source>Class %1</source>
        <extracomment>Roster filter: class number %1.</extracomment>
        <translation>Class %1</translation>
    </message>
    <message numerus="yes">
        <source>%n pupil(s)</source>
        <extracomment>Roster: how many pupils match the search and filters.</extracomment>
        <translation><numerusform>%n pupil</numerusform><numerusform>%n pupils</numerusform></translation>
    </message>
    <message>
        <source>+ Add pupil</source>
        <extracomment>Roster: add a new pupil.</extracomment>
        <translation>+ Add pupil</translation>
    </message>
    <message>
        <source>Grade %1 · Class %2 · %3</source>
        <extracomment>Roster row: grade, class and village of a pupil.</extracomment>
        <translation>Grade %1 · Class %2 · %3</translation>
    </message>
    <message>
        <source>Left school</source>
        <extracomment>Roster badge: the pupil has left school.</extracomment>
        <translation>Left school</translation>
    </message>
    <message>
        <source>No pupils match. Change the search or the filters, or add a pupil.</source>
        <extracomment>Roster empty state.</extracomment>
        <translation>No pupils match. Change the search or the filters, or add a pupil.</translation>
    </message>
</context>
<context>
    <name>RecordHistoryCard</name>
    <message>
        <source>Who changed what</source>
        <extracomment>Record history card: its title.</extracomment>
        <translation>Who changed what</translation>
    </message>
    <message>
        <source>Asking the server…</source>
        <extracomment>Record history card: ask the bureau's server for the record's history.</extracomment>
        <translation>Asking the server…</translation>
    </message>
    <message>
        <source>Show the history from the server</source>
        <translation>Show the history from the server</translation>
    </message>
    <message>
        <source>The server has no change of this record yet.</source>
        <extracomment>Record history card: the server has no write of this record.</extracomment>
        <translation>The server has no change of this record yet.</translation>
    </message>
    <message>
        <source>%1 · %2 deleted it (device %3)</source>
        <extracomment>Record history line. %1 time, %2 account, %3 device id (short).</extracomment>
        <translation>%1 · %2 deleted it (device %3)</translation>
    </message>
    <message>
        <source>%1 · %2 settled a conflict (device %3)</source>
        <extracomment>Record history line: a conflict was settled. %1 time, %2 account, %3 device id (short).</extracomment>
        <translation>%1 · %2 settled a conflict (device %3)</translation>
    </message>
    <message>
        <source>%1 · %2 changed it (device %3)</source>
        <extracomment>Record history line. %1 time, %2 account, %3 device id (short).</extracomment>
        <translation>%1 · %2 changed it (device %3)</translation>
    </message>
</context>
<context>
    <name>RepeatField</name>
    <message>
        <source>No. %1</source>
        <extracomment>Repeat group: heading of row number %1.</extracomment>
        <translation>No. %1</translation>
    </message>
    <message>
        <source>Remove</source>
        <extracomment>Repeat group: remove this row.</extracomment>
        <translation>Remove</translation>
    </message>
    <message>
        <source>+ Add</source>
        <extracomment>Repeat group: add one more row.</extracomment>
        <translation>+ Add</translation>
    </message>
</context>
<context>
    <name>SelectOneField</name>
    <message>
        <source>Choose…</source>
        <extracomment>Drop-down with nothing chosen yet.</extracomment>
        <translation>Choose…</translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message>
        <source>Settings</source>
        <extracomment>Title of the settings page.</extracomment>
        <translation>Settings</translation>
    </message>
    <message>
        <source>Language</source>
        <extracomment>Settings: language section heading.</extracomment>
        <translation>Language</translation>
    </message>
    <message>
        <source>Account</source>
        <extracomment>Settings: account section heading.</extracomment>
        <translation>Account</translation>
    </message>
    <message>
        <source>Server</source>
        <extracomment>Settings: the server address.</extracomment>
        <translation>Server</translation>
    </message>
    <message>
        <source>User</source>
        <extracomment>Settings: the user name and role.</extracomment>
        <translation>User</translation>
    </message>
    <message>
        <source>School</source>
        <extracomment>Settings: the school(s) of this account.</extracomment>
        <translation>School</translation>
    </message>
    <message>
        <source>Lock now</source>
        <extracomment>Settings: lock the app (asks for the PIN).</extracomment>
        <translation>Lock now</translation>
    </message>
    <message>
        <source>Set a PIN</source>
        <translation>Set a PIN</translation>
    </message>
    <message>
        <source>Sign out</source>
        <extracomment>Settings: sign out of this account.</extracomment>
        <translation>Sign out</translation>
    </message>
    <message>
        <source>Sync</source>
        <extracomment>Settings: sync section heading.</extracomment>
        <translation>Sync</translation>
    </message>
    <message>
        <source>Send photos only over Wi-Fi</source>
        <extracomment>Settings: upload photos only on Wi-Fi or other unmetered networks.</extracomment>
        <translation>Send photos only over Wi-Fi</translation>
    </message>
    <message>
        <source>Recent errors</source>
        <extracomment>Settings: recent errors heading.</extracomment>
        <translation>Recent errors</translation>
    </message>
    <message>
        <source>No errors.</source>
        <extracomment>Settings: no recent errors.</extracomment>
        <translation>No errors.</translation>
    </message>
    <message>
        <source>Clear</source>
        <extracomment>Settings: clear the list of errors.</extracomment>
        <translation>Clear</translation>
    </message>
    <message>
        <source>About</source>
        <extracomment>Settings: about section heading.</extracomment>
        <translation>About</translation>
    </message>
    <message>
        <source>Version</source>
        <extracomment>Settings: app version.</extracomment>
        <translation>Version</translation>
    </message>
    <message>
        <source>No signal for a long time? Carry your changes on a USB stick or SD card.</source>
        <extracomment>Settings: sync without a link, by carrying a file.</extracomment>
        <translation>No signal for a long time? Carry your changes on a USB stick or SD card.</translation>
    </message>
    <message>
        <source>USB stick / SD card…</source>
        <extracomment>Settings: opens the USB stick / SD card page.</extracomment>
        <translation>USB stick / SD card…</translation>
    </message>
</context>
<context>
    <name>SignInPage</name>
    <message>
        <source>Sign in</source>
        <extracomment>Title of the sign-in page.</extracomment>
        <translation>Sign in</translation>
    </message>
    <message>
        <source>Cunxiao</source>
        <extracomment>Sign-in page: the app's name, large.</extracomment>
        <translation>Cunxiao</translation>
    </message>
    <message>
        <source>Village school data for the county education bureau</source>
        <extracomment>Sign-in page: one line saying what the app is for.</extracomment>
        <translation>Village school data for the county education bureau</translation>
    </message>
    <message>
        <source>Server address</source>
        <extracomment>Sign-in field label: the bureau's server address.</extracomment>
        <translation>Server address</translation>
    </message>
    <message>
        <source>User name</source>
        <extracomment>Sign-in field label: the account name given by the bureau.</extracomment>
        <translation>User name</translation>
    </message>
    <message>
        <source>Password</source>
        <extracomment>Sign-in method: the account password.
----------
Sign-in field label.</extracomment>
        <translation>Password</translation>
    </message>
    <message>
        <source>Signing in…</source>
        <extracomment>Sign-in button.</extracomment>
        <translation>Signing in…</translation>
    </message>
    <message>
        <source>Sign in once with a connection. After that the app works offline and sends your data when a connection is back.</source>
        <extracomment>Sign-in page: note on what happens to data offline.</extracomment>
        <translation>Sign in once with a connection. After that the app works offline and sends your data when a connection is back.</translation>
    </message>
    <message>
        <source>Enrolment code</source>
        <extracomment>Sign-in method: a one-time enrolment code from the bureau.</extracomment>
        <translation>Enrolment code</translation>
    </message>
    <message>
        <source>Enrolment code (16 letters and digits)</source>
        <extracomment>Sign-in field label: the one-time code the bureau showed.</extracomment>
        <translation>Enrolment code (16 letters and digits)</translation>
    </message>
    <message>
        <source>Scan the bureau's QR code</source>
        <extracomment>Sign-in: take a picture of the QR code the bureau shows.</extracomment>
        <translation>Scan the bureau's QR code</translation>
    </message>
</context>
<context>
    <name>SignatureCanvas</name>
    <message>
        <source>Sign here</source>
        <extracomment>Signature box placeholder.</extracomment>
        <translation>Sign here</translation>
    </message>
    <message>
        <source>Clear</source>
        <extracomment>Signature box: erase what was drawn.</extracomment>
        <translation>Clear</translation>
    </message>
    <message>
        <source>Keep signature</source>
        <extracomment>Signature box: keep the drawn signature.</extracomment>
        <translation>Keep signature</translation>
    </message>
</context>
<context>
    <name>StateBadge</name>
    <message>
        <source>Draft</source>
        <extracomment>State of a record or submission: saved on the phone only.</extracomment>
        <translation>Draft</translation>
    </message>
    <message>
        <source>Waiting to send</source>
        <extracomment>State: a local change not yet sent to the bureau.
----------
State: same as pending, for submissions.</extracomment>
        <translation>Waiting to send</translation>
    </message>
    <message>
        <source>Sent</source>
        <extracomment>State: sent, the bureau has not confirmed yet.</extracomment>
        <translation>Sent</translation>
    </message>
    <message>
        <source>Confirmed</source>
        <extracomment>State: the bureau's server confirmed it.</extracomment>
        <translation>Confirmed</translation>
    </message>
    <message>
        <source>Rejected</source>
        <extracomment>State: the server refused the change.</extracomment>
        <translation>Rejected</translation>
    </message>
    <message>
        <source>Returned</source>
        <extracomment>State: the bureau returned a submission for correction.</extracomment>
        <translation>Returned</translation>
    </message>
    <message>
        <source>Accepted</source>
        <extracomment>State: the bureau accepted a submission.</extracomment>
        <translation>Accepted</translation>
    </message>
    <message>
        <source>Conflict</source>
        <extracomment>State: two people changed the same field; someone must choose.</extracomment>
        <translation>Conflict</translation>
    </message>
    <message>
        <source>Waiting for review</source>
        <extracomment>State of a school's return at the bureau: sent by the school, waiting for the bureau's review.</extracomment>
        <translation>Waiting for review</translation>
    </message>
</context>
<context>
    <name>SubmissionsPage</name>
    <message>
        <source>Submissions</source>
        <extracomment>Title of the submissions page.</extracomment>
        <translation>Submissions</translation>
    </message>
    <message>
        <source>Refused: %1</source>
        <extracomment>Submissions: why the server refused it. %1 is the reason.</extracomment>
        <translation>Refused: %1</translation>
    </message>
    <message>
        <source>Bureau's comment: %1</source>
        <extracomment>Submissions: the bureau's comment when returning it. %1 is the comment.</extracomment>
        <translation>Bureau's comment: %1</translation>
    </message>
    <message>
        <source>Tap to continue</source>
        <extracomment>Submissions: hint that the item can be opened and changed.</extracomment>
        <translation>Tap to continue</translation>
    </message>
    <message>
        <source>No drafts or submissions yet.</source>
        <extracomment>Submissions page: nothing yet.</extracomment>
        <translation>No drafts or submissions yet.</translation>
    </message>
</context>
<context>
    <name>SyncStatusBar</name>
    <message>
        <source>Sync now</source>
        <extracomment>Accessible name of the header's sync button.
----------
Home, sync card: button that starts a sync now.</extracomment>
        <translation>Sync now</translation>
    </message>
    <message>
        <source>Syncing…</source>
        <translation>Syncing…</translation>
    </message>
    <message>
        <source>Online</source>
        <extracomment>Home, sync card: the server was reached in the last sync.</extracomment>
        <translation>Online</translation>
    </message>
    <message>
        <source>Offline</source>
        <extracomment>Home, sync card: the server could not be reached (or not tried yet).</extracomment>
        <translation>Offline</translation>
    </message>
    <message numerus="yes">
        <source>%n change(s) waiting to be sent</source>
        <extracomment>Home, sync card: number of changes on this phone not yet confirmed by the bureau.</extracomment>
        <translation><numerusform>%n change waiting to be sent</numerusform><numerusform>%n changes waiting to be sent</numerusform></translation>
    </message>
    <message>
        <source>Nothing waiting to be sent</source>
        <extracomment>Home, sync card: nothing is waiting.</extracomment>
        <translation>Nothing waiting to be sent</translation>
    </message>
</context>
<context>
    <name>TimeField</name>
    <message>
        <source>HH:MM</source>
        <extracomment>Placeholder of a time box: the format to type.</extracomment>
        <translation>HH:MM</translation>
    </message>
    <message>
        <source>Now</source>
        <extracomment>Button beside a time box: fills in the time now.</extracomment>
        <translation>Now</translation>
    </message>
</context>
<context>
    <name>TransferMeter</name>
    <message>
        <source>Sending a photo: %1 of %2</source>
        <extracomment>Sync progress: a photo is being sent; %1 and %2 are sizes such as "96 KB" of "350 KB".</extracomment>
        <translation>Sending a photo: %1 of %2</translation>
    </message>
    <message numerus="yes">
        <source>Received %1 of about %2 (%n record(s) still to come)</source>
        <extracomment>Sync progress during a large download (e.g. the first one); %1 and %2 are sizes, %n the number of records still to come.</extracomment>
        <translation><numerusform>Received %1 of about %2 (%n record still to come)</numerusform><numerusform>Received %1 of about %2 (%n records still to come)</numerusform></translation>
    </message>
    <message>
        <source>Sent %1 of %2</source>
        <extracomment>Sync progress while sending many changes; %1 and %2 are sizes.</extracomment>
        <translation>Sent %1 of %2</translation>
    </message>
</context>
<context>
    <name>cx::app::AccountsAdminModel</name>
    <message>
        <source>The server cannot be reached, so nothing was changed (%1). What you typed is kept; try again when the connection is back.</source>
        <extracomment>Account administration needs the server. %1: what went wrong, in plain words.</extracomment>
        <translation>The server cannot be reached, so nothing was changed (%1). What you typed is kept; try again when the connection is back.</translation>
    </message>
    <message>
        <source>Only a bureau administrator manages accounts and schools.</source>
        <extracomment>Account administration refused: this account is not a bureau administrator.</extracomment>
        <translation>Only a bureau administrator manages accounts and schools.</translation>
    </message>
</context>
<context>
    <name>cx::app::AppContext</name>
    <message>
        <source>No account is open.</source>
        <translation>No account is open.</translation>
    </message>
</context>
<context>
    <name>cx::app::AssignmentsModel</name>
    <message>
        <source>Choose the school to inspect.</source>
        <extracomment>Planning an inspection: no school chosen.</extracomment>
        <translation>Choose the school to inspect.</translation>
    </message>
    <message>
        <source>Choose the inspector who will inspect.</source>
        <extracomment>Planning an inspection: no inspector chosen.</extracomment>
        <translation>Choose the inspector who will inspect.</translation>
    </message>
    <message>
        <source>Choose the checklist form.</source>
        <extracomment>Planning an inspection: no checklist form chosen.</extracomment>
        <translation>Choose the checklist form.</translation>
    </message>
    <message>
        <source>The due date "%1" is not a day like 2026-12-31.</source>
        <extracomment>Planning an inspection: %1 what was typed as the due date.</extracomment>
        <translation>The due date "%1" is not a day like 2026-12-31.</translation>
    </message>
    <message>
        <source>The due date %1 is before today (%2).</source>
        <extracomment>Planning an inspection: %1 the due date, %2 today (the day it is planned).</extracomment>
        <translation>The due date %1 is before today (%2).</translation>
    </message>
    <message>
        <source>The due date %1 has already passed.</source>
        <extracomment>Planning an inspection: %1 the due date.</extracomment>
        <translation>The due date %1 has already passed.</translation>
    </message>
    <message>
        <source>There is no school %1 in this county.</source>
        <extracomment>Planning an inspection: %1 the school code.</extracomment>
        <translation>There is no school %1 in this county.</translation>
    </message>
    <message>
        <source>There is no form %1 to use as the checklist.</source>
        <extracomment>Planning an inspection: %1 the form's id.</extracomment>
        <translation>There is no form %1 to use as the checklist.</translation>
    </message>
    <message>
        <source>This inspection is already done; only a planned or overdue one can be cancelled or marked done.</source>
        <extracomment>Cancelling or marking done an assignment that is already done.</extracomment>
        <translation>This inspection is already done; only a planned or overdue one can be cancelled or marked done.</translation>
    </message>
    <message>
        <source>This inspection is already cancelled; only a planned or overdue one can be cancelled or marked done.</source>
        <translation>This inspection is already cancelled; only a planned or overdue one can be cancelled or marked done.</translation>
    </message>
    <message>
        <source>Enter the teacher's account.</source>
        <extracomment>Setting a home-visit target: no teacher given.</extracomment>
        <translation>Enter the teacher's account.</translation>
    </message>
    <message>
        <source>The target is a number of visits from 1 to 500.</source>
        <extracomment>Setting a home-visit target: the number is out of range.</extracomment>
        <translation>The target is a number of visits from 1 to 500.</translation>
    </message>
    <message>
        <source>The period "%1" is not a month (2026-12), a term (2026-autumn) or a school year (2026-2027).</source>
        <extracomment>Setting a home-visit target: %1 the period typed.</extracomment>
        <translation>The period "%1" is not a month (2026-12), a term (2026-autumn) or a school year (2026-2027).</translation>
    </message>
    <message>
        <source>Done</source>
        <extracomment>Assignments export: the state of an assignment.</extracomment>
        <translation>Done</translation>
    </message>
    <message>
        <source>Overdue</source>
        <extracomment>Assignments export: the state of an assignment.</extracomment>
        <translation>Overdue</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <extracomment>Assignments export: the state of an assignment.</extracomment>
        <translation>Cancelled</translation>
    </message>
    <message>
        <source>Planned</source>
        <extracomment>Assignments export: the state of an assignment.</extracomment>
        <translation>Planned</translation>
    </message>
    <message>
        <source>Due</source>
        <extracomment>Assignments export, inspections sheet: column headers.</extracomment>
        <translation>Due</translation>
    </message>
    <message>
        <source>State</source>
        <translation>State</translation>
    </message>
    <message>
        <source>School</source>
        <extracomment>Assignments export, targets sheet: column headers.</extracomment>
        <translation>School</translation>
    </message>
    <message>
        <source>School code</source>
        <translation>School code</translation>
    </message>
    <message>
        <source>Township</source>
        <translation>Township</translation>
    </message>
    <message>
        <source>Inspector</source>
        <translation>Inspector</translation>
    </message>
    <message>
        <source>Checklist</source>
        <translation>Checklist</translation>
    </message>
    <message>
        <source>Assigned on</source>
        <translation>Assigned on</translation>
    </message>
    <message>
        <source>Done on</source>
        <translation>Done on</translation>
    </message>
    <message>
        <source>How it was done</source>
        <translation>How it was done</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>Note when marked done</source>
        <translation>Note when marked done</translation>
    </message>
    <message>
        <source>Marked done by hand</source>
        <extracomment>Assignments export: the bureau marked the inspection done by hand.</extracomment>
        <translation>Marked done by hand</translation>
    </message>
    <message>
        <source>Inspection %1</source>
        <translation>Inspection %1</translation>
    </message>
    <message>
        <source>Teacher</source>
        <translation>Teacher</translation>
    </message>
    <message>
        <source>Teacher's name</source>
        <translation>Teacher's name</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>Period</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>Target</translation>
    </message>
    <message>
        <source>Visits made</source>
        <translation>Visits made</translation>
    </message>
    <message>
        <source>Met</source>
        <translation>Met</translation>
    </message>
    <message>
        <source>Period ended</source>
        <translation>Period ended</translation>
    </message>
    <message>
        <source>Yes</source>
        <extracomment>Assignments export: yes (a target met, a period ended); empty otherwise.</extracomment>
        <translation>Yes</translation>
    </message>
    <message>
        <source>Inspections</source>
        <extracomment>Assignments export: the sheets' names.</extracomment>
        <translation>Inspections</translation>
    </message>
    <message>
        <source>Home-visit targets</source>
        <translation>Home-visit targets</translation>
    </message>
    <message>
        <source>The bureau's server refused %1: it is not a teacher account of school %2. Check the account, or ask the bureau to add it.</source>
        <extracomment>A home-visit target the server refused. %1 the account typed, %2 the school's code.</extracomment>
        <translation>The bureau's server refused %1: it is not a teacher account of school %2. Check the account, or ask the bureau to add it.</translation>
    </message>
</context>
<context>
    <name>cx::app::BundleController</name>
    <message>
        <source>The bundle was not saved</source>
        <extracomment>Bundle page: saving failed.</extracomment>
        <translation>The bundle was not saved</translation>
    </message>
    <message>
        <source>Your changes are still on this device; nothing was lost.</source>
        <extracomment>Bundle page: after a failed save, nothing is lost.</extracomment>
        <translation>Your changes are still on this device; nothing was lost.</translation>
    </message>
    <message>
        <source>The reply was not applied</source>
        <extracomment>Bundle page: applying a reply failed.</extracomment>
        <translation>The reply was not applied</translation>
    </message>
    <message>
        <source>Nothing from this file was applied; your changes are kept.</source>
        <extracomment>Bundle page: after a failed reply, nothing changed.</extracomment>
        <translation>Nothing from this file was applied; your changes are kept.</translation>
    </message>
    <message>
        <source>The bundle was not delivered</source>
        <extracomment>Bundle page: delivering someone's bundle failed.</extracomment>
        <translation>The bundle was not delivered</translation>
    </message>
    <message>
        <source>The bundle file is unchanged; you can try again when the link is better.</source>
        <extracomment>Bundle page: after a failed delivery.</extracomment>
        <translation>The bundle file is unchanged; you can try again when the link is better.</translation>
    </message>
    <message>
        <source>Bundle saved</source>
        <extracomment>Bundle page: receipt title after saving a bundle.</extracomment>
        <translation>Bundle saved</translation>
    </message>
    <message>
        <source>Nothing to send: the reply will bring what the bureau has for you.</source>
        <extracomment>Bundle receipt: nothing to send, but the reply brings what the bureau has.</extracomment>
        <translation>Nothing to send: the reply will bring what the bureau has for you.</translation>
    </message>
    <message numerus="yes">
        <source>It carries %n change(s)</source>
        <extracomment>Bundle receipt: how many changes the bundle carries.</extracomment>
        <translation><numerusform>It carries %n change</numerusform><numerusform>It carries %n changes</numerusform></translation>
    </message>
    <message numerus="yes">
        <source> and %n photo(s)</source>
        <extracomment>Bundle receipt, continued: and how many photos.</extracomment>
        <translation><numerusform> and %n photo</numerusform><numerusform> and %n photos</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n photo(s) are not in this bundle; they go with a later sync or bundle.</source>
        <extracomment>Bundle receipt: photos not in the bundle (records only, or too large).</extracomment>
        <translation><numerusform>%n photo are not in this bundle; they go with a later sync or bundle.</numerusform><numerusform>%n photos are not in this bundle; they go with a later sync or bundle.</numerusform></translation>
    </message>
    <message>
        <source>Saved as %1.</source>
        <extracomment>Bundle receipt: where the file is. %1 is its path.</extracomment>
        <translation>Saved as %1.</translation>
    </message>
    <message>
        <source>Take it to the township centre school or the bureau. Bring the reply back and apply it here; until then your changes stay on this device and also go with the next sync.</source>
        <extracomment>Bundle receipt: what to do next.</extracomment>
        <translation>Take it to the township centre school or the bureau. Bring the reply back and apply it here; until then your changes stay on this device and also go with the next sync.</translation>
    </message>
    <message>
        <source>Reply applied</source>
        <extracomment>Bundle page: receipt title after applying a reply.</extracomment>
        <translation>Reply applied</translation>
    </message>
    <message numerus="yes">
        <source>The bureau confirmed %n change(s).</source>
        <extracomment>Bundle receipt: changes the bureau confirmed.</extracomment>
        <translation><numerusform>The bureau confirmed %n change.</numerusform><numerusform>The bureau confirmed %n changes.</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n change(s) were refused; they are kept on Home under refused changes.</source>
        <extracomment>Bundle receipt: refused changes; they stay on the device with their values.</extracomment>
        <translation><numerusform>%n change were refused; they are kept on Home under refused changes.</numerusform><numerusform>%n changes were refused; they are kept on Home under refused changes.</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>Received %n record(s) from the bureau.</source>
        <extracomment>Bundle receipt: records received from the bureau.</extracomment>
        <translation><numerusform>Received %n record from the bureau.</numerusform><numerusform>Received %n records from the bureau.</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>Received %n photo(s).</source>
        <extracomment>Bundle receipt: photos received.</extracomment>
        <translation><numerusform>Received %n photo.</numerusform><numerusform>Received %n photos.</numerusform></translation>
    </message>
    <message>
        <source>This reply is older than this device's last sync: only what was newer in it was taken.</source>
        <extracomment>Bundle receipt: the reply was older than the last sync.</extracomment>
        <translation>This reply is older than this device's last sync: only what was newer in it was taken.</translation>
    </message>
    <message>
        <source>The bureau had more for this device than the reply could hold: save another bundle to get the rest.</source>
        <extracomment>Bundle receipt: the bureau had more than fit.</extracomment>
        <translation>The bureau had more for this device than the reply could hold: save another bundle to get the rest.</translation>
    </message>
    <message>
        <source>Bundle delivered</source>
        <extracomment>Bundle page: receipt title after delivering someone's bundle.</extracomment>
        <translation>Bundle delivered</translation>
    </message>
    <message>
        <source>Sent %1, received %2.</source>
        <extracomment>Bundle receipt (delivery): bytes sent and received. %1, %2 are sizes.</extracomment>
        <translation>Sent %1, received %2.</translation>
    </message>
    <message>
        <source>The reply (%1) is saved as %2. Give it back to the person who brought the bundle.</source>
        <extracomment>Bundle receipt (delivery): where the reply is. %1 its size, %2 its path.</extracomment>
        <translation>The reply (%1) is saved as %2. Give it back to the person who brought the bundle.</translation>
    </message>
    <message>
        <source>This reply was made for another device. Apply it on the device that saved the bundle.</source>
        <extracomment>Bundle error: the reply belongs to another device.</extracomment>
        <translation>This reply was made for another device. Apply it on the device that saved the bundle.</translation>
    </message>
    <message>
        <source>This reply was applied already; applying it again changes nothing.</source>
        <extracomment>Bundle error: the reply was applied already.</extracomment>
        <translation>This reply was applied already; applying it again changes nothing.</translation>
    </message>
    <message>
        <source>This device did not save the bundle this reply answers.</source>
        <extracomment>Bundle error: the device did not make the bundle this reply answers.</extracomment>
        <translation>This device did not save the bundle this reply answers.</translation>
    </message>
    <message>
        <source>This file is a bundle, not a reply: deliver it to the bureau first (or with "Deliver a bundle").</source>
        <extracomment>Bundle error: a bundle was chosen where a reply was expected.</extracomment>
        <translation>This file is a bundle, not a reply: deliver it to the bureau first (or with "Deliver a bundle").</translation>
    </message>
    <message>
        <source>This file is a reply: take it back to its device and apply it there.</source>
        <extracomment>Bundle error: a reply was chosen where a bundle to deliver was expected.</extracomment>
        <translation>This file is a reply: take it back to its device and apply it there.</translation>
    </message>
    <message>
        <source>The file was changed after it was made, so it cannot be trusted. Ask for a new one.</source>
        <extracomment>Bundle error: the file was changed after it was made.</extracomment>
        <translation>The file was changed after it was made, so it cannot be trusted. Ask for a new one.</translation>
    </message>
    <message>
        <source>The file is incomplete or damaged (was the stick removed too early?). Copy it again.</source>
        <extracomment>Bundle error: the file is incomplete or damaged (e.g. the stick was pulled out too early).</extracomment>
        <translation>The file is incomplete or damaged (was the stick removed too early?). Copy it again.</translation>
    </message>
    <message>
        <source>This file is not a Cunxiao bundle.</source>
        <extracomment>Bundle error: the chosen file is not a Cunxiao bundle.</extracomment>
        <translation>This file is not a Cunxiao bundle.</translation>
    </message>
    <message>
        <source>This device must be signed in and synced once while online before it can use bundles.</source>
        <extracomment>Bundle error: the device must sign in online once before it can make bundles.</extracomment>
        <translation>This device must be signed in and synced once while online before it can use bundles.</translation>
    </message>
    <message>
        <source>The bureau has withdrawn the access of the device that made this bundle.</source>
        <extracomment>Bundle error: the device that made the bundle was revoked by the bureau.</extracomment>
        <translation>The bureau has withdrawn the access of the device that made this bundle.</translation>
    </message>
    <message>
        <source>The file could not be written. Check that the stick or card is inserted, writable and not full.</source>
        <extracomment>Bundle error: writing the file failed.</extracomment>
        <translation>The file could not be written. Check that the stick or card is inserted, writable and not full.</translation>
    </message>
    <message>
        <source>The file could not be read. Check that the stick or card is inserted.</source>
        <extracomment>Bundle error: reading the file failed.</extracomment>
        <translation>The file could not be read. Check that the stick or card is inserted.</translation>
    </message>
    <message>
        <source>The bundle could not be handled.</source>
        <extracomment>Bundle error: a failure of another kind (the details follow).</extracomment>
        <translation>The bundle could not be handled.</translation>
    </message>
</context>
<context>
    <name>cx::app::BureauFormsModel</name>
    <message>
        <source>Sign in first: the draft is kept with the account's data.</source>
        <extracomment>Forms page: importing needs the account's data to be open.</extracomment>
        <translation>Sign in first: the draft is kept with the account's data.</translation>
    </message>
    <message>
        <source>%1 is an old Excel 97-2003 (.xls) file: save it as .xlsx in Excel and import that</source>
        <extracomment>Forms page: an old Excel file was chosen. %1 the file's name.</extracomment>
        <translation>%1 is an old Excel 97-2003 (.xls) file: save it as .xlsx in Excel and import that</translation>
    </message>
    <message>
        <source>%1: only a form definition (.json) or an XLSForm workbook (.xlsx) can be imported</source>
        <extracomment>Forms page: a file that is not a form. %1 the file's name.</extracomment>
        <translation>%1: only a form definition (.json) or an XLSForm workbook (.xlsx) can be imported</translation>
    </message>
    <message>
        <source>There is no draft of form %1 on this device: import one first</source>
        <extracomment>Forms page: no draft of that form on this device. %1 the form id.</extracomment>
        <translation>There is no draft of form %1 on this device: import one first</translation>
    </message>
    <message>
        <source>Version %1 of %2 is waiting to be sent: sync first</source>
        <extracomment>Forms page: a published version has not been sent yet. %1 version, %2 form id.</extracomment>
        <translation>Version %1 of %2 is waiting to be sent: sync first</translation>
    </message>
    <message>
        <source>The draft of %1 is the same as the published version %2: nothing to publish</source>
        <extracomment>Forms page: the draft is the same as the published form. %1 form id, %2 version.</extracomment>
        <translation>The draft of %1 is the same as the published version %2: nothing to publish</translation>
    </message>
    <message>
        <source>superseded by v%1</source>
        <extracomment>Forms page: a publish that did not stand (another version is current). %1 version.</extracomment>
        <translation>superseded by v%1</translation>
    </message>
    <message>
        <source>the bureau has published version %1 since; sync and publish again</source>
        <extracomment>Forms page: the server refused a publish made before syncing. %1 the version published since.</extracomment>
        <translation>the bureau has published version %1 since; sync and publish again</translation>
    </message>
</context>
<context>
    <name>cx::app::CompletenessModel</name>
    <message>
        <source>On time</source>
        <extracomment>Completeness export: sent on or before the due date.</extracomment>
        <translation>On time</translation>
    </message>
    <message>
        <source>Late</source>
        <extracomment>Completeness export: sent after the due date.</extracomment>
        <translation>Late</translation>
    </message>
    <message>
        <source>Missing</source>
        <extracomment>Completeness export: nothing sent and the due date has passed.</extracomment>
        <translation>Missing</translation>
    </message>
    <message>
        <source>Not yet due</source>
        <extracomment>Completeness export: nothing sent yet, the due date is still ahead.</extracomment>
        <translation>Not yet due</translation>
    </message>
    <message>
        <source>Accepted</source>
        <extracomment>Completeness export: the bureau accepted the return.</extracomment>
        <translation>Accepted</translation>
    </message>
    <message>
        <source>Returned</source>
        <extracomment>Completeness export: the bureau sent the return back for correction.</extracomment>
        <translation>Returned</translation>
    </message>
    <message>
        <source>Waiting for review</source>
        <extracomment>Completeness export: the return waits for the bureau's review.</extracomment>
        <translation>Waiting for review</translation>
    </message>
    <message>
        <source>School code</source>
        <extracomment>Completeness export, schools sheet: column headers.</extracomment>
        <translation>School code</translation>
    </message>
    <message>
        <source>School</source>
        <translation>School</translation>
    </message>
    <message>
        <source>Township</source>
        <extracomment>Completeness export, townships sheet: column headers (rates in %).</extracomment>
        <translation>Township</translation>
    </message>
    <message>
        <source>State</source>
        <translation>State</translation>
    </message>
    <message>
        <source>Sent on</source>
        <translation>Sent on</translation>
    </message>
    <message>
        <source>Review</source>
        <translation>Review</translation>
    </message>
    <message>
        <source>Head</source>
        <translation>Head</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Phone</translation>
    </message>
    <message>
        <source>Expected</source>
        <translation>Expected</translation>
    </message>
    <message>
        <source>Submitted</source>
        <translation>Submitted</translation>
    </message>
    <message>
        <source>Submitted %</source>
        <translation>Submitted %</translation>
    </message>
    <message>
        <source>On time %</source>
        <translation>On time %</translation>
    </message>
    <message>
        <source>County</source>
        <extracomment>Completeness export: the county's total row.</extracomment>
        <translation>County</translation>
    </message>
    <message>
        <source>Schools %1</source>
        <extracomment>Completeness export: sheet names. %1 is the period.</extracomment>
        <translation>Schools %1</translation>
    </message>
    <message>
        <source>Townships %1</source>
        <translation>Townships %1</translation>
    </message>
    <message>
        <source>By period</source>
        <extracomment>Completeness export: the sheet of schools by period.</extracomment>
        <translation>By period</translation>
    </message>
</context>
<context>
    <name>cx::app::ConflictModel</name>
    <message>
        <source>(empty)</source>
        <extracomment>Conflicts page: a field that has no value.</extracomment>
        <translation>(empty)</translation>
    </message>
    <message>
        <source>yes</source>
        <extracomment>Conflicts page: a yes/no value.</extracomment>
        <translation>yes</translation>
    </message>
    <message>
        <source>no</source>
        <translation>no</translation>
    </message>
</context>
<context>
    <name>cx::app::DevicesModel</name>
    <message>
        <source>School head</source>
        <extracomment>Devices export: the account's role.</extracomment>
        <translation>School head</translation>
    </message>
    <message>
        <source>Teacher</source>
        <extracomment>Devices export: the account's role.</extracomment>
        <translation>Teacher</translation>
    </message>
    <message>
        <source>Inspector</source>
        <extracomment>Devices export: the account's role.</extracomment>
        <translation>Inspector</translation>
    </message>
    <message>
        <source>Bureau staff</source>
        <extracomment>Devices export: the account's role.</extracomment>
        <translation>Bureau staff</translation>
    </message>
    <message>
        <source>Silent</source>
        <extracomment>Devices export: the device has not synced for the chosen number of days.</extracomment>
        <translation>Silent</translation>
    </message>
    <message>
        <source>Refused changes</source>
        <extracomment>Devices export: the device holds changes the server refused.</extracomment>
        <translation>Refused changes</translation>
    </message>
    <message>
        <source>Conflicts</source>
        <extracomment>Devices export: the device has conflicts to settle.</extracomment>
        <translation>Conflicts</translation>
    </message>
    <message>
        <source>Storage nearly full</source>
        <extracomment>Devices export: the device's storage is nearly full.</extracomment>
        <translation>Storage nearly full</translation>
    </message>
    <message>
        <source>Account</source>
        <extracomment>Devices export: column headers.</extracomment>
        <translation>Account</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Role</translation>
    </message>
    <message>
        <source>Schools</source>
        <translation>Schools</translation>
    </message>
    <message>
        <source>Device</source>
        <translation>Device</translation>
    </message>
    <message>
        <source>App version</source>
        <translation>App version</translation>
    </message>
    <message>
        <source>Days since last sync</source>
        <translation>Days since last sync</translation>
    </message>
    <message>
        <source>Changes not sent</source>
        <translation>Changes not sent</translation>
    </message>
    <message>
        <source>Photos not sent</source>
        <translation>Photos not sent</translation>
    </message>
    <message>
        <source>Free storage (MB)</source>
        <translation>Free storage (MB)</translation>
    </message>
    <message>
        <source>Link</source>
        <translation>Link</translation>
    </message>
    <message>
        <source>Last error</source>
        <translation>Last error</translation>
    </message>
    <message>
        <source>Needs attention</source>
        <translation>Needs attention</translation>
    </message>
    <message>
        <source>Revoked</source>
        <translation>Revoked</translation>
    </message>
    <message>
        <source>Wi-Fi</source>
        <translation>Wi-Fi</translation>
    </message>
    <message>
        <source>mobile data</source>
        <translation>mobile data</translation>
    </message>
    <message>
        <source>Yes</source>
        <extracomment>Devices export: the account was revoked (yes); empty otherwise.</extracomment>
        <translation>Yes</translation>
    </message>
    <message>
        <source>Devices</source>
        <extracomment>Devices export: the sheet's name.</extracomment>
        <translation>Devices</translation>
    </message>
</context>
<context>
    <name>cx::app::FormController</name>
    <message>
        <source>The bureau returned this: %1</source>
        <extracomment>Form filling: the bureau sent this submission back. %1 is the bureau's comment.</extracomment>
        <translation>The bureau returned this: %1</translation>
    </message>
    <message>
        <source>The bureau refused this submission: %1</source>
        <extracomment>Form filling: the bureau's server refused this submission. %1 is its reason.</extracomment>
        <translation>The bureau refused this submission: %1</translation>
    </message>
    <message>
        <source>Kept from the earlier version of this form: %1 = %2</source>
        <extracomment>Form filling: an answer typed on an earlier version of the form, which this version no longer asks. %1 field, %2 answer.</extracomment>
        <translation>Kept from the earlier version of this form: %1 = %2</translation>
    </message>
    <message>
        <source>Correction of an earlier submission</source>
        <translation>Correction of an earlier submission</translation>
    </message>
    <message>
        <source>Corrected after the bureau returned it: %1</source>
        <translation>Corrected after the bureau returned it: %1</translation>
    </message>
    <message>
        <source>Review</source>
        <extracomment>Form filling: title of the last page, where the person checks everything before submitting.</extracomment>
        <translation>Review</translation>
    </message>
    <message>
        <source>This form is not on this phone yet. Sync, then try again.</source>
        <extracomment>Form filling: the form's definition is not on this phone yet.</extracomment>
        <translation>This form is not on this phone yet. Sync, then try again.</translation>
    </message>
    <message>
        <source>The form could not be opened: %1</source>
        <extracomment>Form filling: the form could not be read. %1 lists the problems.</extracomment>
        <translation>The form could not be opened: %1</translation>
    </message>
</context>
<context>
    <name>cx::app::MediaStore</name>
    <message>
        <source>This is not a picture (%1).</source>
        <extracomment>Photo: what was handed over is neither a picture nor a file. %1 is its type (for engineers).</extracomment>
        <translation>This is not a picture (%1).</translation>
    </message>
    <message>
        <source>%1 could not be read as a picture (%2).</source>
        <extracomment>Photo field: the chosen file could not be read as a picture. %1 is the file, %2 the reason.</extracomment>
        <translation>%1 could not be read as a picture (%2).</translation>
    </message>
    <message>
        <source>The camera gave no picture. Please try again.</source>
        <extracomment>Photo field: the camera gave no picture.</extracomment>
        <translation>The camera gave no picture. Please try again.</translation>
    </message>
    <message>
        <source>The picture could not be converted to JPEG.</source>
        <extracomment>Photo field: encoding the picture failed.</extracomment>
        <translation>The picture could not be converted to JPEG.</translation>
    </message>
    <message>
        <source>The signature could not be saved as a picture.</source>
        <extracomment>Signature box: the drawing could not be turned into a picture.</extracomment>
        <translation>The signature could not be saved as a picture.</translation>
    </message>
    <message>
        <source>No account is open: sign in before adding photos.</source>
        <extracomment>Photo or signature: there is no account open to keep it in.</extracomment>
        <translation>No account is open: sign in before adding photos.</translation>
    </message>
    <message>
        <source>The picture could not be saved on this phone (%1). Check that storage is not full.</source>
        <translation>The picture could not be saved on this phone (%1). Check that storage is not full.</translation>
    </message>
    <message>
        <source>Only on this phone: save to send it</source>
        <extracomment>Photo state: a photo saved by an older version of the app, kept on this phone; saving the page sends it.</extracomment>
        <translation>Only on this phone: save to send it</translation>
    </message>
    <message>
        <source>This picture is no longer on this phone</source>
        <translation>This picture is no longer on this phone</translation>
    </message>
    <message>
        <source>Downloading…</source>
        <extracomment>Photo state: being downloaded from the bureau.</extracomment>
        <translation>Downloading…</translation>
    </message>
    <message>
        <source>Not on this phone yet (%1)</source>
        <extracomment>Photo state: taken on another device; %1 is its size, e.g. "350 KB".</extracomment>
        <translation>Not on this phone yet (%1)</translation>
    </message>
    <message>
        <source>Sent to the bureau</source>
        <extracomment>Photo state: the bureau has the photo.</extracomment>
        <translation>Sent to the bureau</translation>
    </message>
    <message>
        <source>Refused by the bureau: %1</source>
        <extracomment>Photo state: the bureau refused the photo (e.g. too large). %1 is its reason.</extracomment>
        <translation>Refused by the bureau: %1</translation>
    </message>
    <message>
        <source>Held until Wi-Fi</source>
        <extracomment>Photo state: the photo waits because the person chose to send photos only over Wi-Fi and the phone is on mobile data.</extracomment>
        <translation>Held until Wi-Fi</translation>
    </message>
    <message>
        <source>Sending: %1 of %2</source>
        <extracomment>Photo state: partly sent; %1 and %2 are sizes such as "120 KB" of "350 KB".</extracomment>
        <translation>Sending: %1 of %2</translation>
    </message>
    <message>
        <source>Waiting to be sent</source>
        <extracomment>Photo state: kept on the phone, will be sent with the next sync.</extracomment>
        <translation>Waiting to be sent</translation>
    </message>
    <message>
        <source>The bureau does not have this photo yet: the phone that took it has not sent it.</source>
        <translation>The bureau does not have this photo yet: the phone that took it has not sent it.</translation>
    </message>
    <message>
        <source>Sent once the page is saved</source>
        <extracomment>Photo state: on this phone; no saved page uses it yet, so it is not sent (no data is spent on it).</extracomment>
        <translation>Sent once the page is saved</translation>
    </message>
</context>
<context>
    <name>cx::app::PhotoCapture</name>
    <message>
        <source>The camera is not ready. Please try again.</source>
        <extracomment>Camera page: the camera cannot take a picture now.</extracomment>
        <translation>The camera is not ready. Please try again.</translation>
    </message>
</context>
<context>
    <name>cx::app::QrReader</name>
    <message>
        <source>This is not the bureau's enrolment code (%1).</source>
        <translation>This is not the bureau's enrolment code (%1).</translation>
    </message>
    <message>
        <source>The photo could not be opened.</source>
        <translation>The photo could not be opened.</translation>
    </message>
    <message>
        <source>No QR code was found in the photo. Hold the phone steady, fill the frame with the code and try again, or type the code.</source>
        <extracomment>No QR code was found in the camera's photo.</extracomment>
        <translation>No QR code was found in the photo. Hold the phone steady, fill the frame with the code and try again, or type the code.</translation>
    </message>
</context>
<context>
    <name>cx::app::RecordHistoryModel</name>
    <message>
        <source>A record's history is kept on the bureau's server, which cannot be reached now (%1). Try again when the connection is back.</source>
        <extracomment>Record history is kept on the bureau's server. %1: what went wrong, in plain words.</extracomment>
        <translation>A record's history is kept on the bureau's server, which cannot be reached now (%1). Try again when the connection is back.</translation>
    </message>
    <message>
        <source>Only a bureau administrator can read a record's history.</source>
        <extracomment>Record history refused: this account is not a bureau administrator.</extracomment>
        <translation>Only a bureau administrator can read a record's history.</translation>
    </message>
</context>
<context>
    <name>cx::app::ReviewQueueModel</name>
    <message>
        <source>Waiting for review</source>
        <extracomment>Review export: the return waits for review.</extracomment>
        <translation>Waiting for review</translation>
    </message>
    <message>
        <source>Accepted</source>
        <extracomment>Review export: accepted.</extracomment>
        <translation>Accepted</translation>
    </message>
    <message>
        <source>Returned</source>
        <extracomment>Review export: sent back to the school.</extracomment>
        <translation>Returned</translation>
    </message>
    <message>
        <source>School code</source>
        <extracomment>Review export: column headers.</extracomment>
        <translation>School code</translation>
    </message>
    <message>
        <source>School</source>
        <translation>School</translation>
    </message>
    <message>
        <source>Township</source>
        <translation>Township</translation>
    </message>
    <message>
        <source>Form</source>
        <translation>Form</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>Period</translation>
    </message>
    <message>
        <source>State</source>
        <translation>State</translation>
    </message>
    <message>
        <source>Sent on</source>
        <translation>Sent on</translation>
    </message>
    <message>
        <source>Checks</source>
        <translation>Checks</translation>
    </message>
    <message>
        <source>Comment</source>
        <translation>Comment</translation>
    </message>
    <message>
        <source>Returns</source>
        <extracomment>Review export: the sheet's name.</extracomment>
        <translation>Returns</translation>
    </message>
</context>
<context>
    <name>cx::app::Session</name>
    <message>
        <source>School head</source>
        <extracomment>Role of the signed-in person.</extracomment>
        <translation>School head</translation>
    </message>
    <message>
        <source>Teacher</source>
        <extracomment>Role of the signed-in person.</extracomment>
        <translation>Teacher</translation>
    </message>
    <message>
        <source>Inspector</source>
        <extracomment>Role of the signed-in person.</extracomment>
        <translation>Inspector</translation>
    </message>
    <message>
        <source>Bureau staff</source>
        <extracomment>Role of the signed-in person.</extracomment>
        <translation>Bureau staff</translation>
    </message>
    <message>
        <source>Please fill in the server address, user name and password.</source>
        <extracomment>Sign-in error when a box is empty.</extracomment>
        <translation>Please fill in the server address, user name and password.</translation>
    </message>
    <message>
        <source>The user name or password is wrong.</source>
        <extracomment>Sign-in error: wrong user name or password.</extracomment>
        <translation>The user name or password is wrong.</translation>
    </message>
    <message>
        <source>Check the server address (%1).</source>
        <extracomment>Sign-in error: the server address is not acceptable. %1 is the technical reason.</extracomment>
        <translation>Check the server address (%1).</translation>
    </message>
    <message>
        <source>This password does not open the data kept on this device for %1. Use the password this device last signed in with.</source>
        <translation>This password does not open the data kept on this device for %1. Use the password this device last signed in with.</translation>
    </message>
    <message numerus="yes">
        <source>Wrong PIN. %n attempt(s) left; after that only the account password opens the app.</source>
        <translation><numerusform>Wrong PIN. %n attempt left; after that only the account password opens the app.</numerusform><numerusform>Wrong PIN. %n attempts left; after that only the account password opens the app.</numerusform></translation>
    </message>
    <message>
        <source>Too many wrong PINs: the PIN no longer opens the app. Type the account password, then choose a new PIN.</source>
        <extracomment>PIN page: too many wrong PINs; the password is needed now.</extracomment>
        <translation>Too many wrong PINs: the PIN no longer opens the app. Type the account password, then choose a new PIN.</translation>
    </message>
    <message>
        <source>This password does not open the data on this device.</source>
        <extracomment>PIN page: the password typed does not open the data.</extracomment>
        <translation>This password does not open the data on this device.</translation>
    </message>
    <message>
        <source>An enrolment code has 16 letters and digits, like K7Q2-MP9X-3ZTD-8HWA. Check what you typed.</source>
        <extracomment>Sign-in error: the typed enrolment code is not 16 letters and digits.</extracomment>
        <translation>An enrolment code has 16 letters and digits, like K7Q2-MP9X-3ZTD-8HWA. Check what you typed.</translation>
    </message>
    <message>
        <source>This enrolment code was used already (each code enrols one phone). Ask the bureau for a new one.</source>
        <translation>This enrolment code was used already (each code enrols one phone). Ask the bureau for a new one.</translation>
    </message>
    <message>
        <source>This enrolment code has expired. Ask the bureau for a new one.</source>
        <translation>This enrolment code has expired. Ask the bureau for a new one.</translation>
    </message>
    <message>
        <source>The bureau withdrew this enrolment code or the account. Ask the bureau.</source>
        <translation>The bureau withdrew this enrolment code or the account. Ask the bureau.</translation>
    </message>
    <message>
        <source>The user name or enrolment code is wrong.</source>
        <extracomment>Sign-in error: wrong user name or enrolment code.</extracomment>
        <translation>The user name or enrolment code is wrong.</translation>
    </message>
    <message>
        <source>The system keyring that protects the PIN cannot be reached. Unlock the keyring and try again, or use the account password.</source>
        <translation>The system keyring that protects the PIN cannot be reached. Unlock the keyring and try again, or use the account password.</translation>
    </message>
    <message>
        <source>The PIN no longer opens the app on this computer: the system keyring no longer holds its secret (a new system, or data copied from elsewhere). Type the account password, then choose a new PIN.</source>
        <translation>The PIN no longer opens the app on this computer: the system keyring no longer holds its secret (a new system, or data copied from elsewhere). Type the account password, then choose a new PIN.</translation>
    </message>
</context>
<context>
    <name>cx::app::StatisticsModel</name>
    <message>
        <source>%1 %2</source>
        <extracomment>Statistics export: the sheet's name. %1 is the form's title, %2 the period.</extracomment>
        <translation>%1 %2</translation>
    </message>
    <message>
        <source>Township</source>
        <extracomment>Dropout export, townships sheet: column headers.
----------
Done vs planned export, townships sheet: column headers.</extracomment>
        <translation>Township</translation>
    </message>
    <message>
        <source>Not back at school</source>
        <translation>Not back at school</translation>
    </message>
    <message>
        <source>Back at school</source>
        <translation>Back at school</translation>
    </message>
    <message>
        <source>Not visited for 30 days</source>
        <translation>Not visited for 30 days</translation>
    </message>
    <message>
        <source>County</source>
        <extracomment>Dropout export: the county's total row.
----------
Done vs planned export: the county's total row.</extracomment>
        <translation>County</translation>
    </message>
    <message>
        <source>Pupil</source>
        <extracomment>Dropout export, cases sheet: column headers.</extracomment>
        <translation>Pupil</translation>
    </message>
    <message>
        <source>Grade</source>
        <translation>Grade</translation>
    </message>
    <message>
        <source>School</source>
        <translation>School</translation>
    </message>
    <message>
        <source>School phone</source>
        <translation>School phone</translation>
    </message>
    <message>
        <source>Last visit</source>
        <translation>Last visit</translation>
    </message>
    <message>
        <source>Visits</source>
        <translation>Visits</translation>
    </message>
    <message>
        <source>Dropouts by township</source>
        <extracomment>Dropout export: sheet names.</extracomment>
        <translation>Dropouts by township</translation>
    </message>
    <message>
        <source>Pupils not back</source>
        <translation>Pupils not back</translation>
    </message>
    <message>
        <source>Inspections planned</source>
        <translation>Inspections planned</translation>
    </message>
    <message>
        <source>Inspections done</source>
        <translation>Inspections done</translation>
    </message>
    <message>
        <source>Inspections overdue</source>
        <translation>Inspections overdue</translation>
    </message>
    <message>
        <source>Home visits planned</source>
        <translation>Home visits planned</translation>
    </message>
    <message>
        <source>Home visits done</source>
        <translation>Home visits done</translation>
    </message>
    <message>
        <source>Visit targets met</source>
        <translation>Visit targets met</translation>
    </message>
    <message>
        <source>Visit targets</source>
        <translation>Visit targets</translation>
    </message>
    <message>
        <source>Kind</source>
        <extracomment>Done vs planned export, people sheet: column headers.</extracomment>
        <translation>Kind</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>Account</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Number planned</source>
        <translation>Number planned</translation>
    </message>
    <message>
        <source>Number done</source>
        <translation>Number done</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>Overdue</translation>
    </message>
    <message>
        <source>Targets met</source>
        <translation>Targets met</translation>
    </message>
    <message>
        <source>Inspections</source>
        <extracomment>Done vs planned export: a row of an inspector's inspections.</extracomment>
        <translation>Inspections</translation>
    </message>
    <message>
        <source>Home visits</source>
        <extracomment>Done vs planned export: a row of a teacher's home visits.</extracomment>
        <translation>Home visits</translation>
    </message>
    <message>
        <source>Done vs planned %1</source>
        <extracomment>Done vs planned export: sheet names. %1 is the period.</extracomment>
        <translation>Done vs planned %1</translation>
    </message>
    <message>
        <source>Done vs planned by person</source>
        <extracomment>Done vs planned export: sheet name of the inspectors' and teachers' rows.</extracomment>
        <translation>Done vs planned by person</translation>
    </message>
</context>
<context>
    <name>cx::app::SyncController</name>
    <message>
        <source>No connection to the bureau's server. Your changes are kept on this phone and will be sent later.</source>
        <extracomment>Sync error shown on Home. The phone has no connection to the bureau's server.</extracomment>
        <translation>No connection to the bureau's server. Your changes are kept on this phone and will be sent later.</translation>
    </message>
    <message>
        <source>The server's security certificate could not be trusted. Ask the bureau to check the server address.</source>
        <extracomment>Sync error: the server's security certificate was refused.</extracomment>
        <translation>The server's security certificate could not be trusted. Ask the bureau to check the server address.</translation>
    </message>
    <message>
        <source>The server no longer accepts this account on this phone. Please sign in again.</source>
        <extracomment>Sync error: the account or device is no longer accepted.</extracomment>
        <translation>The server no longer accepts this account on this phone. Please sign in again.</translation>
    </message>
    <message>
        <source>This app version does not match the server. Please update the app.</source>
        <extracomment>Sync error: the app is too old or too new for the server.</extracomment>
        <translation>This app version does not match the server. Please update the app.</translation>
    </message>
    <message>
        <source>The server's reply could not be understood. Try again later.</source>
        <extracomment>Sync error: the server's reply could not be understood.</extracomment>
        <translation>The server's reply could not be understood. Try again later.</translation>
    </message>
    <message>
        <source>The bureau's server has a problem. Try again later.</source>
        <extracomment>Sync error: the server had a problem.</extracomment>
        <translation>The bureau's server has a problem. Try again later.</translation>
    </message>
    <message>
        <source>This phone could not save the data. Check that storage is not full.</source>
        <extracomment>Sync error: the local database (storage) failed, e.g. the phone is full.</extracomment>
        <translation>This phone could not save the data. Check that storage is not full.</translation>
    </message>
    <message>
        <source>Some changes are outside what this account may change.</source>
        <extracomment>Sync error: the account may not change some data.</extracomment>
        <translation>Some changes are outside what this account may change.</translation>
    </message>
    <message>
        <source>Sync failed. Try again later.</source>
        <extracomment>Sync error of an unexpected kind.</extracomment>
        <translation>Sync failed. Try again later.</translation>
    </message>
    <message>
        <source>The bureau has withdrawn this phone's access and its data has been erased from it. Ask the bureau if you need to sign in again.</source>
        <extracomment>The bureau revoked this phone; its data has been erased.</extracomment>
        <translation>The bureau has withdrawn this phone's access and its data has been erased from it. Ask the bureau if you need to sign in again.</translation>
    </message>
    <message>
        <source>The bureau's server is busy for a moment. Your changes are kept and will be sent soon.</source>
        <extracomment>Sync error: the server is busy or restarting for a moment.</extracomment>
        <translation>The bureau's server is busy for a moment. Your changes are kept and will be sent soon.</translation>
    </message>
</context>
<context>
    <name>cx::app::SyncStatus</name>
    <message>
        <source>Not yet confirmed by the bureau</source>
        <extracomment>Home, sync card: the bureau has never confirmed anything from this phone.</extracomment>
        <translation>Not yet confirmed by the bureau</translation>
    </message>
    <message>
        <source>just now</source>
        <extracomment>Time of the last confirmation: less than a minute ago.</extracomment>
        <translation>just now</translation>
    </message>
    <message numerus="yes">
        <source>%n minute(s) ago</source>
        <extracomment>Time of the last confirmation, in minutes.</extracomment>
        <translation><numerusform>%n minute ago</numerusform><numerusform>%n minutes ago</numerusform></translation>
    </message>
    <message>
        <source>today at %1</source>
        <extracomment>Time of the last confirmation: today at HH:mm.</extracomment>
        <translation>today at %1</translation>
    </message>
    <message>
        <source>Confirmed by the bureau %1</source>
        <extracomment>Home, sync card. %1 is a time such as "5 minutes ago".</extracomment>
        <translation>Confirmed by the bureau %1</translation>
    </message>
    <message>
        <source>Sending and receiving…</source>
        <extracomment>Sync status bar while a sync runs.</extracomment>
        <translation>Sending and receiving…</translation>
    </message>
    <message numerus="yes">
        <source>Offline · %n change(s) waiting</source>
        <extracomment>Sync status bar: offline; %n changes wait on the phone.</extracomment>
        <translation><numerusform>Offline · %n change waiting</numerusform><numerusform>Offline · %n changes waiting</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n change(s) waiting to be sent</source>
        <extracomment>Sync status bar: %n changes not yet sent to the bureau.</extracomment>
        <translation><numerusform>%n change waiting to be sent</numerusform><numerusform>%n changes waiting to be sent</numerusform></translation>
    </message>
    <message>
        <source>Everything sent</source>
        <extracomment>Sync status bar: nothing waits to be sent.</extracomment>
        <translation>Everything sent</translation>
    </message>
    <message numerus="yes">
        <source>%n photo(s) held until Wi-Fi</source>
        <extracomment>Sync status: %n photos or signatures wait because photos go only over Wi-Fi and the phone is on mobile data.</extracomment>
        <translation><numerusform>%n photo held until Wi-Fi</numerusform><numerusform>%n photos held until Wi-Fi</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n photo(s) waiting to be sent</source>
        <extracomment>Sync status: %n photos or signatures not yet sent to the bureau.</extracomment>
        <translation><numerusform>%n photo waiting to be sent</numerusform><numerusform>%n photos waiting to be sent</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n photo(s) refused by the bureau</source>
        <extracomment>Sync status: %n photos the bureau refused (the reason shows on the photo).</extracomment>
        <translation><numerusform>%n photo refused by the bureau</numerusform><numerusform>%n photos refused by the bureau</numerusform></translation>
    </message>
</context>
</TS>
