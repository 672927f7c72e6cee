/* The manifest's function file: the ribbon button opens the task pane, so there are no commands to register. */
'use strict';
Office.onReady(function () {
});
