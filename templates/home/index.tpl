{{%AUTOESCAPE context="HTML"}}
{{#SIGNED_IN}}
<span class="govuk-caption-l">{{INSTITUTION}}</span>
<h1 class="govuk-heading-xl">Welcome back, {{DISPLAY_NAME}}</h1>
{{#GROUPS}}
<h2 class="govuk-heading-m">Your groups</h2>
<ul class="tandem-feature-list">
{{#GROUP}}
<li class="tandem-feature-list__item">
<h3 class="govuk-heading-s">{{NAME}}</h3>
<p class="govuk-body-s govuk-!-margin-bottom-1">{{COURSE}} ({{CODE}})</p>
<p class="govuk-body govuk-!-margin-bottom-1">{{ROLE}}</p>
<p class="govuk-body govuk-!-margin-bottom-0"><a class="govuk-link" href="/cohorts/{{ID}}/blog">What {{NAME}} is writing</a></p>
</li>
{{/GROUP}}
</ul>
{{/GROUPS}}
{{#NO_GROUPS}}
<p class="govuk-body">You are not in any teaching group yet. Your college's Tandem administrator adds people to their groups.</p>
{{/NO_GROUPS}}
{{#GROUP_POSTS}}
<h2 class="govuk-heading-m">New in your groups' blogs</h2>
{{>POSTS}}
{{/GROUP_POSTS}}
<h2 class="govuk-heading-m">You</h2>
<ul class="govuk-list">
<li><a class="govuk-link" href="/u/{{USERNAME:u}}">Your profile page</a></li>
<li><a class="govuk-link" href="/u/{{USERNAME:u}}/blog">Your blog</a>, or <a class="govuk-link" href="/blog/new">write a post</a></li>
<li><a class="govuk-link" href="/account">Your account: password and where you are signed in</a></li>
<li><a class="govuk-link" href="/submissions">Submissions for assessment: what you submitted, and what was submitted to you</a></li>
</ul>
{{/SIGNED_IN}}
{{#VISITOR}}
<div class="govuk-grid-row">
<div class="govuk-grid-column-two-thirds">
<h1 class="govuk-heading-xl">Learning, planned together</h1>
<p class="govuk-body-l">Tandem is where students and their college shape learning together. Students keep portfolios and learning logs, agree their learning plans with their tutors, and have a real say in how their college is run.</p>
<a href="/login" role="button" draggable="false" class="govuk-button govuk-button--start">Sign in<svg class="govuk-button__start-icon" xmlns="http://www.w3.org/2000/svg" width="17.5" height="19" viewBox="0 0 33 40" aria-hidden="true" focusable="false"><path fill="currentColor" d="M0 0h13l20 20-20 20H0l20-20z"/></svg></a>
</div>
</div>
<h2 class="govuk-heading-m">What you can do in Tandem</h2>
<ul class="tandem-feature-list">
<li class="tandem-feature-list__item">
<h3 class="govuk-heading-s">Show what you have learned</h3>
<p class="govuk-body">Collect evidence of your learning in a portfolio, write about it in your learning log, and share each piece with exactly the people you choose.</p>
</li>
<li class="tandem-feature-list__item">
<h3 class="govuk-heading-s">Agree your plan with your tutor</h3>
<p class="govuk-body">Your learning plan is written by both of you: propose goals, activities and dates, talk them through, and agree. Every version is kept.</p>
</li>
<li class="tandem-feature-list__item">
<h3 class="govuk-heading-s">Have your say</h3>
<p class="govuk-body">Student representatives ask their groups what they think, take it to the college, and everyone can see what the college did about it.</p>
</li>
<li class="tandem-feature-list__item">
<h3 class="govuk-heading-s">Talk with your mentor</h3>
<p class="govuk-body">Private conversations with your mentor or tutor, linked to your plan and your evidence.</p>
</li>
<li class="tandem-feature-list__item">
<h3 class="govuk-heading-s">Grow as a leader</h3>
<p class="govuk-body">Managers keep a Personalised Leadership Plan with their line manager, the same way students keep portfolios.</p>
</li>
<li class="tandem-feature-list__item">
<h3 class="govuk-heading-s">See the whole picture</h3>
<p class="govuk-body">College leaders see what students and staff are saying and doing across the college, without seeing anyone's private work.</p>
</li>
</ul>
{{/VISITOR}}
{{#INSTITUTIONS}}
<h2 class="govuk-heading-m">Colleges using this Tandem</h2>
<ul class="govuk-list govuk-list--bullet">
{{#INSTITUTION}}<li>{{NAME}}</li>{{/INSTITUTION}}
</ul>
{{/INSTITUTIONS}}
