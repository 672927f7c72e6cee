// HTTP-POST binding: post the SAML message on as soon as the page is there.
document.getElementById('saml-post').submit();
