// The TeamAccess pages' passkey ceremonies. A button marked data-passkey="create" or "get" posts its form (with the
// form's antiforgery token) to data-options, a page handler that answers the WebAuthn options as JSON (the challenge's id
// stays in an HttpOnly cookie); then the browser asks the authenticator, and the form is submitted to its own handler
// with the answer (a PublicKeyCredential as JSON, binary fields base64url) in its hidden Credential field. A refusal is
// shown in the element named by data-status, with a link to confirm a second factor when one is owed.
(() => {
    const bytes = text => {
        const base64 = text.replace(/-/g, '+').replace(/_/g, '/') + '='.repeat((4 - (text.length % 4)) % 4);
        return Uint8Array.from(atob(base64), c => c.charCodeAt(0));
    };
    const text = buffer => btoa(String.fromCharCode(...new Uint8Array(buffer))).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
    const ids = list => (list || []).map(c => ({ ...c, id: bytes(c.id) }));
    const creation = o => ({ ...o, challenge: bytes(o.challenge), user: { ...o.user, id: bytes(o.user.id) }, excludeCredentials: ids(o.excludeCredentials) });
    const request = o => ({ ...o, challenge: bytes(o.challenge), allowCredentials: ids(o.allowCredentials) });
    const answer = credential => {
        const r = credential.response;
        const response = { clientDataJSON: text(r.clientDataJSON) };
        if (r.attestationObject) {
            response.attestationObject = text(r.attestationObject);
            response.transports = r.getTransports ? r.getTransports() : [];
        } else {
            response.authenticatorData = text(r.authenticatorData);
            response.signature = text(r.signature);
            if (r.userHandle) {
                response.userHandle = text(r.userHandle);
            }
        }
        return JSON.stringify({
            id: credential.id,
            rawId: text(credential.rawId),
            type: credential.type,
            response,
            clientExtensionResults: credential.getClientExtensionResults ? credential.getClientExtensionResults() : {},
        });
    };
    document.querySelectorAll('button[data-passkey]').forEach(button => button.addEventListener('click', async () => {
        const form = button.form;
        const status = document.getElementById(button.dataset.status);
        const say = (message, stepUp) => {
            status.textContent = message || '';
            if (stepUp) {
                const link = document.createElement('a');
                link.href = stepUp;
                link.className = 'alert-link ms-1';
                link.id = 'step-up-link';
                link.textContent = button.dataset.stepUpText;
                status.append(link);
            }
            status.hidden = !message;
        };
        if (!window.PublicKeyCredential || !navigator.credentials) {
            say(button.dataset.unsupported);
            return;
        }
        button.disabled = true;
        say('');
        try {
            const reply = await fetch(button.dataset.options, { method: 'POST', body: new FormData(form), credentials: 'same-origin' });
            const body = await reply.json();
            if (!reply.ok) {
                say(body.message, body.stepUp);
                return;
            }
            const credential = button.dataset.passkey === 'create'
                ? await navigator.credentials.create({ publicKey: creation(body) })
                : await navigator.credentials.get({ publicKey: request(body) });
            form.querySelector('input[name="Credential"]').value = answer(credential);
            form.submit();
        } catch (e) {
            say(button.dataset.failed);
        } finally {
            button.disabled = false;
        }
    }));
})();
