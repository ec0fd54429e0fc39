{{%AUTOESCAPE context="HTML"}}
<div class="govuk-grid-row">
<div class="govuk-grid-column-two-thirds">
{{#DONE}}
<div class="govuk-notification-banner govuk-notification-banner--success" role="alert" aria-labelledby="banner-title" data-module="govuk-notification-banner">
<div class="govuk-notification-banner__header"><h2 class="govuk-notification-banner__title" id="banner-title">Success</h2></div>
<div class="govuk-notification-banner__content"><p class="govuk-notification-banner__heading">{{MESSAGE}}</p></div>
</div>
{{/DONE}}
{{#ALL_POSTS_LINK}}<a class="govuk-back-link" href="/u/{{USERNAME}}/blog">All of {{NAME}}'s posts</a>{{/ALL_POSTS_LINK}}
<h1 class="govuk-heading-l">{{HEADING}}</h1>
{{#MINE}}<p class="govuk-body"><a class="govuk-button" href="/blog/new">Write a post</a></p>{{/MINE}}
{{LIST_HTML:none}}
</div>
<div class="govuk-grid-column-one-third">
<div role="search">
<form method="get" action="/u/{{USERNAME}}/blog">
<div class="govuk-form-group">
<label class="govuk-label govuk-label--s" for="q">Search this blog</label>
<input class="govuk-input" id="q" name="q" type="search" value="{{WORDS}}">
</div>
<button type="submit" class="govuk-button govuk-button--secondary">Search</button>
</form>
</div>
{{MONTHS_HTML:none}}
<h2 class="govuk-heading-s">Follow in a feed reader</h2>
<ul class="govuk-list">
<li><a class="govuk-link" href="/u/{{USERNAME}}/blog/feed">Feed of public posts</a></li>
{{#TAG_FEED}}<li><a class="govuk-link" href="/u/{{USERNAME}}/blog/feed?tag={{TAG}}">Feed of public posts with this tag</a></li>{{/TAG_FEED}}
</ul>
{{#PRIVATE_FEED}}
<form method="post" action="/blog/feed-address">
<input type="hidden" name="csrf_token" value="{{CSRF_TOKEN}}">
<input type="hidden" name="username" value="{{USERNAME}}">
<p class="govuk-body-s">Your own feed address shows everything here that you can read. Getting a new one stops your old one.</p>
<button type="submit" class="govuk-button govuk-button--secondary">Get your private feed address</button>
</form>
{{/PRIVATE_FEED}}
{{#MINE}}
<form method="post" action="/blog/settings">
<input type="hidden" name="csrf_token" value="{{CSRF_TOKEN}}">
<div class="govuk-form-group">
<fieldset class="govuk-fieldset">
<legend class="govuk-fieldset__legend govuk-fieldset__legend--s">Comments on your blog</legend>
<div class="govuk-radios govuk-radios--small" data-module="govuk-radios">
<div class="govuk-radios__item"><input class="govuk-radios__input" id="blog-comments" name="comments" type="radio" value="open"{{#COMMENTS_0}} checked{{/COMMENTS_0}}><label class="govuk-label govuk-radios__label" for="blog-comments">Shown at once</label></div>
<div class="govuk-radios__item"><input class="govuk-radios__input" id="blog-comments-moderated" name="comments" type="radio" value="moderated"{{#COMMENTS_1}} checked{{/COMMENTS_1}}><label class="govuk-label govuk-radios__label" for="blog-comments-moderated">Shown when I approve them</label></div>
<div class="govuk-radios__item"><input class="govuk-radios__input" id="blog-comments-closed" name="comments" type="radio" value="closed"{{#COMMENTS_2}} checked{{/COMMENTS_2}}><label class="govuk-label govuk-radios__label" for="blog-comments-closed">Closed</label></div>
</div>
</fieldset>
</div>
<button type="submit" class="govuk-button govuk-button--secondary">Save comment setting</button>
</form>
{{/MINE}}
</div>
</div>
