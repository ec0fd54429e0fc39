{{%AUTOESCAPE context="HTML"}}
<h2 class="govuk-heading-m" id="comments">Comments{{#COUNT}} ({{N}}){{/COUNT}}</h2>
{{#NONE}}<p class="govuk-body">No comments yet.</p>{{/NONE}}
{{#COMMENT}}
<article class="tandem-comment{{#HIDDEN}} tandem-comment--hidden{{/HIDDEN}}" id="comment-{{ID}}" aria-labelledby="comment-{{ID}}-by">
<h3 class="govuk-heading-s govuk-!-margin-bottom-1" id="comment-{{ID}}-by">{{AUTHOR}}{{#FEEDBACK}} <strong class="govuk-tag govuk-tag--turquoise">Feedback</strong>{{/FEEDBACK}}{{#HIDDEN}} <strong class="govuk-tag govuk-tag--grey">Hidden from others</strong>{{/HIDDEN}}{{#HELD}} <strong class="govuk-tag govuk-tag--yellow">Waiting for approval</strong>{{/HELD}}</h3>
<p class="govuk-body-s tandem-muted govuk-!-margin-bottom-2">{{WHEN}}</p>
<div class="tandem-richtext">{{COMMENT_HTML:none}}</div>
{{#OWNER_ACTIONS}}
<div class="govuk-button-group">
{{#APPROVE}}<form method="post" action="{{BASE}}/comments/{{ID}}/approve"><input type="hidden" name="csrf_token" value="{{CSRF_TOKEN}}"><button type="submit" class="govuk-button">Approve<span class="govuk-visually-hidden"> the comment by {{AUTHOR}}, {{WHEN}}</span></button></form>{{/APPROVE}}
<form method="post" action="{{BASE}}/comments/{{ID}}/{{TOGGLE}}"><input type="hidden" name="csrf_token" value="{{CSRF_TOKEN}}"><button type="submit" class="govuk-button govuk-button--secondary">{{TOGGLE_LABEL}}<span class="govuk-visually-hidden"> the comment by {{AUTHOR}}, {{WHEN}}</span></button></form>
<form method="post" action="{{BASE}}/comments/{{ID}}/delete"><input type="hidden" name="csrf_token" value="{{CSRF_TOKEN}}"><button type="submit" class="govuk-button govuk-button--warning">Delete<span class="govuk-visually-hidden"> the comment by {{AUTHOR}}, {{WHEN}}</span></button></form>
</div>
{{/OWNER_ACTIONS}}
{{#AUTHOR_ACTIONS}}
<form method="post" action="{{BASE}}/comments/{{ID}}/delete"><input type="hidden" name="csrf_token" value="{{CSRF_TOKEN}}"><button type="submit" class="govuk-button govuk-button--secondary">Delete<span class="govuk-visually-hidden"> your comment of {{WHEN}}</span></button></form>
{{/AUTHOR_ACTIONS}}
</article>
{{/COMMENT}}
{{#FORM}}
<form method="post" action="{{BASE}}/comments" novalidate>
<input type="hidden" name="csrf_token" value="{{CSRF_TOKEN}}">
<input type="hidden" name="form_key" value="{{FORM_KEY}}">
<div class="govuk-form-group{{#ERROR}} govuk-form-group--error{{/ERROR}}">
<label class="govuk-label govuk-label--s" for="comment">Add a comment</label>
<div class="govuk-hint" id="comment-hint">{{HINT}} You can use Markdown.</div>
{{#ERROR}}<p id="comment-error" class="govuk-error-message"><span class="govuk-visually-hidden">Error:</span> {{MESSAGE}}</p>{{/ERROR}}
<textarea class="govuk-textarea{{#ERROR}} govuk-textarea--error{{/ERROR}}" id="comment" name="body" rows="4" aria-describedby="comment-hint{{#ERROR}} comment-error{{/ERROR}}">{{DRAFT:pre_escape}}</textarea>
</div>
<button type="submit" class="govuk-button">Post comment</button>
</form>
{{/FORM}}
{{#CLOSED}}<p class="govuk-body">Comments are closed.</p>{{/CLOSED}}
{{#SIGN_IN}}<p class="govuk-body">Comments are for people at the college. <a class="govuk-link" href="/login?next={{BASE}}">Sign in</a> to read them and add yours.</p>{{/SIGN_IN}}
{{#OTHER_COLLEGE}}<p class="govuk-body">Comments here are for people at its owner's college.</p>{{/OTHER_COLLEGE}}
