{{%AUTOESCAPE context="HTML"}}
<div class="govuk-grid-row">
<div class="govuk-grid-column-two-thirds">
{{#ERROR}}
<div class="govuk-error-summary" data-module="govuk-error-summary">
<div role="alert">
<h2 class="govuk-error-summary__title">There is a problem</h2>
<div class="govuk-error-summary__body"><ul class="govuk-list govuk-error-summary__list"><li><a href="#comment">{{MESSAGE}}</a></li></ul></div>
</div>
</div>
{{/ERROR}}
{{#SAVED}}
<div class="govuk-notification-banner govuk-notification-banner--success" role="alert" aria-labelledby="banner-title" data-module="govuk-notification-banner">
<div class="govuk-notification-banner__header"><h2 class="govuk-notification-banner__title" id="banner-title">Success</h2></div>
<div class="govuk-notification-banner__content"><p class="govuk-notification-banner__heading">Your post was saved.</p></div>
</div>
{{/SAVED}}
{{#HELD_NOTICE}}
<div class="govuk-notification-banner" role="region" aria-labelledby="held-title" data-module="govuk-notification-banner">
<div class="govuk-notification-banner__header"><h2 class="govuk-notification-banner__title" id="held-title">Thank you</h2></div>
<div class="govuk-notification-banner__content"><p class="govuk-notification-banner__heading">Your comment will appear when {{AUTHOR}} approves it.</p></div>
</div>
{{/HELD_NOTICE}}
<a class="govuk-back-link" href="/u/{{USERNAME}}/blog">{{AUTHOR}}'s blog</a>
<article class="tandem-post">
<h1 class="govuk-heading-l govuk-!-margin-bottom-2">{{TITLE}}</h1>
<p class="govuk-body-s tandem-muted">By <a class="govuk-link" href="/u/{{USERNAME}}/blog">{{AUTHOR}}</a>, {{DATE}}{{#MINE}}{{#DRAFT}} <strong class="govuk-tag govuk-tag--grey">Draft</strong>{{/DRAFT}}{{#SCHEDULED}} <strong class="govuk-tag govuk-tag--blue">Scheduled</strong>{{/SCHEDULED}} <span class="govuk-tag govuk-tag--turquoise">{{AUDIENCE}}</span>{{/MINE}}</p>
<div class="tandem-richtext">{{BODY_HTML:none}}</div>
{{#EVIDENCE}}
<aside class="tandem-post__evidence" aria-labelledby="evidence-title">
<h2 class="govuk-heading-s" id="evidence-title">From the portfolio: {{TITLE}}</h2>
{{#BODY}}<div class="tandem-richtext">{{EVIDENCE_BODY_HTML:none}}</div>{{/BODY}}
{{#LINK}}<p class="govuk-body"><a class="govuk-link" href="{{URL}}" rel="noopener noreferrer nofollow">{{URL}}</a></p>{{/LINK}}
{{#FILE}}{{#IMAGE}}<p class="govuk-body"><img class="tandem-evidence-image" src="{{HREF}}" alt="{{TITLE}}"></p>{{/IMAGE}}<p class="govuk-body"><a class="govuk-link" href="{{HREF}}" download>Download {{FILENAME}}</a></p>{{/FILE}}
{{#REFLECTION}}<div class="tandem-richtext tandem-reflection"><p class="govuk-body govuk-!-font-weight-bold govuk-!-margin-bottom-1">Reflection</p>{{REFLECTION_HTML:none}}</div>{{/REFLECTION}}
</aside>
{{/EVIDENCE}}
{{#TAGS}}<p class="govuk-body-s">Tags: {{#TAG}}<a class="govuk-link" href="{{HREF}}">{{NAME}}</a>{{#TAG_separator}}, {{/TAG_separator}}{{/TAG}}</p>{{/TAGS}}
</article>
{{#MINE}}
<div class="govuk-button-group">
<a class="govuk-button govuk-button--secondary" href="/blog/posts/{{ID}}/edit">Change this post</a>
<a class="govuk-button govuk-button--warning" href="/blog/posts/{{ID}}/delete">Delete this post</a>
</div>
{{/MINE}}
{{#COMMENTS}}{{>COMMENT_LIST}}{{/COMMENTS}}
</div>
</div>
