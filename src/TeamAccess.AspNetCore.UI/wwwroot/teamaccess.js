// The TeamAccess pages' script: times in the viewer's own zone and relative ("3 minutes ago"), and a confirmation before
// every form marked data-confirm (destructive actions name the person or thing they act on).
(() => {
    const relative = new Intl.RelativeTimeFormat(undefined, { numeric: 'auto' });
    const full = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });
    const steps = [[60, 'second'], [60, 'minute'], [24, 'hour'], [30, 'day'], [12, 'month'], [Infinity, 'year']];
    const ago = date => {
        let amount = (date.getTime() - Date.now()) / 1000;
        for (const [size, unit] of steps) {
            if (Math.abs(amount) < size) {
                return relative.format(Math.round(amount), unit);
            }
            amount /= size;
        }
        return '';
    };
    document.querySelectorAll('time.ta-time').forEach(element => {
        const date = new Date(element.getAttribute('datetime'));
        if (!isNaN(date)) {
            element.title = full.format(date);
            element.textContent = ago(date);
        }
    });
    document.querySelectorAll('form[data-confirm]').forEach(form => form.addEventListener('submit', event => {
        if (!window.confirm(form.getAttribute('data-confirm'))) {
            event.preventDefault();
        }
    }));
    // A copy button names the field whose value it copies (a key shown once, a TXT record, a SCIM URL) and says so when
    // done: in the page's #copy-status line where it has one, else on the button (its data-copied words).
    document.querySelectorAll('button[data-copy]').forEach(button => button.addEventListener('click', async () => {
        const field = document.getElementById(button.getAttribute('data-copy'));
        if (!field) {
            return;
        }
        const status = document.getElementById('copy-status');
        field.select();
        let copied = true;
        try {
            await navigator.clipboard.writeText(field.value);
        } catch {
            copied = document.execCommand('copy');
        }
        if (status) {
            status.textContent = copied ? 'Copied.' : 'Copy it by hand: the value is selected.';
        } else if (button.getAttribute('data-copied')) {
            button.setAttribute('aria-live', 'polite');
            button.firstChild.textContent = button.getAttribute('data-copied');
        }
    }));
})();
