/*
 * The portal's two behaviours, in a file because its policy runs no inline script:
 * - a button with data-confirm says what will happen, and only an OK lets its form go (destructive, wide actions);
 * - a button with data-copy copies the text of the element with that id (a secret shown once).
 */
document.addEventListener('click', function (event) {
    var confirming = event.target.closest ? event.target.closest('[data-confirm]') : null;
    if (confirming && !window.confirm(confirming.getAttribute('data-confirm'))) {
        event.preventDefault();
        event.stopImmediatePropagation();
        return;
    }
    var copying = event.target.closest ? event.target.closest('[data-copy]') : null;
    if (copying) {
        var source = document.getElementById(copying.getAttribute('data-copy'));
        var done = function () { copying.textContent = 'Copied'; };
        if (navigator.clipboard && window.isSecureContext) {
            navigator.clipboard.writeText(source.textContent.trim()).then(done);
        } else {
            var selection = window.getSelection();
            var range = document.createRange();
            range.selectNodeContents(source);
            selection.removeAllRanges();
            selection.addRange(range);
            if (document.execCommand('copy')) {
                done();
            }
        }
    }
}, true);
